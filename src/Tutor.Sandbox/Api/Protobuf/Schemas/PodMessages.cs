using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>core/v1's PodSpec and PodTemplateSpec, which every workload kind embeds.</summary>
public static class PodMessages
{
    public static readonly MessageSchema Toleration = new("Toleration",
        Text(1, "key"), Text(2, "operator"), Text(3, "value"), Text(4, "effect"), Int64(5, "tolerationSeconds").KeepZero());

    public static readonly MessageSchema NodeSelectorRequirement = new("NodeSelectorRequirement", Text(1, "key"), Text(2, "operator"), Texts(3, "values"));

    public static readonly MessageSchema NodeSelectorTerm = new("NodeSelectorTerm",
        Messages(1, "matchExpressions", NodeSelectorRequirement), Messages(2, "matchFields", NodeSelectorRequirement));

    public static readonly MessageSchema NodeSelector = new("NodeSelector", Messages(1, "nodeSelectorTerms", NodeSelectorTerm));

    public static readonly MessageSchema PreferredSchedulingTerm = new("PreferredSchedulingTerm",
        Int32(1, "weight").KeepZero(), Message(2, "preference", NodeSelectorTerm));

    public static readonly MessageSchema NodeAffinity = new("NodeAffinity",
        Message(1, "requiredDuringSchedulingIgnoredDuringExecution", NodeSelector),
        Messages(2, "preferredDuringSchedulingIgnoredDuringExecution", PreferredSchedulingTerm));

    public static readonly MessageSchema PodAffinityTerm = new("PodAffinityTerm",
        Message(1, "labelSelector", MetaMessages.LabelSelector), Texts(2, "namespaces"), Text(3, "topologyKey"),
        Message(4, "namespaceSelector", MetaMessages.LabelSelector), Texts(5, "matchLabelKeys"), Texts(6, "mismatchLabelKeys"));

    public static readonly MessageSchema WeightedPodAffinityTerm = new("WeightedPodAffinityTerm",
        Int32(1, "weight").KeepZero(), Message(2, "podAffinityTerm", PodAffinityTerm));

    public static readonly MessageSchema PodAffinity = new("PodAffinity",
        Messages(1, "requiredDuringSchedulingIgnoredDuringExecution", PodAffinityTerm),
        Messages(2, "preferredDuringSchedulingIgnoredDuringExecution", WeightedPodAffinityTerm));

    public static readonly MessageSchema Affinity = new("Affinity",
        Message(1, "nodeAffinity", NodeAffinity), Message(2, "podAffinity", PodAffinity), Message(3, "podAntiAffinity", PodAffinity));

    public static readonly MessageSchema Sysctl = new("Sysctl", Text(1, "name"), Text(2, "value").KeepZero());

    public static readonly MessageSchema PodSecurityContext = new("PodSecurityContext",
        Message(1, "seLinuxOptions", ContainerMessages.SeLinuxOptions), Int64(2, "runAsUser").KeepZero(), Flag(3, "runAsNonRoot").KeepZero(),
        Int64s(4, "supplementalGroups"), Int64(5, "fsGroup").KeepZero(), Int64(6, "runAsGroup").KeepZero(), Messages(7, "sysctls", Sysctl),
        Message(8, "windowsOptions", ContainerMessages.WindowsSecurityContextOptions), Text(9, "fsGroupChangePolicy"),
        Message(10, "seccompProfile", ContainerMessages.SeccompProfile), Message(11, "appArmorProfile", ContainerMessages.AppArmorProfile),
        Text(12, "supplementalGroupsPolicy"), Text(13, "seLinuxChangePolicy"));

    public static readonly MessageSchema HostAlias = new("HostAlias", Text(1, "ip"), Texts(2, "hostnames"));

    public static readonly MessageSchema PodDnsConfigOption = new("PodDNSConfigOption", Text(1, "name"), Text(2, "value").KeepZero());

    public static readonly MessageSchema PodDnsConfig = new("PodDNSConfig",
        Texts(1, "nameservers"), Texts(2, "searches"), Messages(3, "options", PodDnsConfigOption));

    public static readonly MessageSchema PodReadinessGate = new("PodReadinessGate", Text(1, "conditionType"));

    public static readonly MessageSchema TopologySpreadConstraint = new("TopologySpreadConstraint",
        Int32(1, "maxSkew").KeepZero(), Text(2, "topologyKey"), Text(3, "whenUnsatisfiable"), Message(4, "labelSelector", MetaMessages.LabelSelector),
        Int32(5, "minDomains").KeepZero(), Text(6, "nodeAffinityPolicy"), Text(7, "nodeTaintsPolicy"), Texts(8, "matchLabelKeys"));

    public static readonly MessageSchema PodOs = new("PodOS", Text(1, "name"));

    public static readonly MessageSchema PodSchedulingGate = new("PodSchedulingGate", Text(1, "name"));

    public static readonly MessageSchema PodSpec = new("PodSpec",
        Messages(1, "volumes", VolumeMessages.Volume), Messages(2, "containers", ContainerMessages.Container), Text(3, "restartPolicy"),
        Int64(4, "terminationGracePeriodSeconds").KeepZero(), Int64(5, "activeDeadlineSeconds").KeepZero(), Text(6, "dnsPolicy"),
        TextMap(7, "nodeSelector"), Text(8, "serviceAccountName"), Text(9, "serviceAccount"), Text(10, "nodeName"),
        Flag(11, "hostNetwork"), Flag(12, "hostPID"), Flag(13, "hostIPC"), Message(14, "securityContext", PodSecurityContext),
        Messages(15, "imagePullSecrets", ContainerMessages.LocalObjectReference), Text(16, "hostname"), Text(17, "subdomain"),
        Message(18, "affinity", Affinity), Text(19, "schedulerName"), Messages(20, "initContainers", ContainerMessages.Container),
        Flag(21, "automountServiceAccountToken").KeepZero(), Messages(22, "tolerations", Toleration), Messages(23, "hostAliases", HostAlias),
        Text(24, "priorityClassName"), Int32(25, "priority").KeepZero(), Message(26, "dnsConfig", PodDnsConfig),
        Flag(27, "shareProcessNamespace").KeepZero(), Messages(28, "readinessGates", PodReadinessGate), Text(29, "runtimeClassName").KeepZero(),
        Flag(30, "enableServiceLinks").KeepZero(), Text(31, "preemptionPolicy"), QuantityMap(32, "overhead"),
        Messages(33, "topologySpreadConstraints", TopologySpreadConstraint), Flag(35, "setHostnameAsFQDN").KeepZero(), Message(36, "os", PodOs),
        Flag(37, "hostUsers").KeepZero(), Messages(38, "schedulingGates", PodSchedulingGate),
        Message(40, "resources", ContainerMessages.ResourceRequirements));

    public static readonly MessageSchema PodTemplateSpec = new("PodTemplateSpec",
        Message(1, "metadata", MetaMessages.ObjectMeta), Message(2, "spec", PodSpec));
}
