using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>The core/v1 kinds kubectl's generators make, besides the Pod's own parts.</summary>
public static class CoreMessages
{
    private static FieldSchema Metadata => Message(1, "metadata", MetaMessages.ObjectMeta);

    public static readonly MessageSchema Namespace = new("Namespace", Metadata, Message(2, "spec", new MessageSchema("NamespaceSpec", Texts(1, "finalizers"))));

    public static readonly MessageSchema ConfigMap = new("ConfigMap",
        Metadata, TextMap(2, "data"), BytesMap(3, "binaryData"), Flag(4, "immutable").KeepZero());

    public static readonly MessageSchema Secret = new("Secret",
        Metadata, BytesMap(2, "data"), Text(3, "type"), TextMap(4, "stringData"), Flag(5, "immutable").KeepZero());

    public static readonly MessageSchema ObjectReference = new("ObjectReference",
        Text(1, "kind"), Text(2, "namespace"), Text(3, "name"), Text(4, "uid"), Text(5, "apiVersion"), Text(6, "resourceVersion"), Text(7, "fieldPath"));

    public static readonly MessageSchema ServiceAccount = new("ServiceAccount",
        Metadata, Messages(2, "secrets", ObjectReference), Messages(3, "imagePullSecrets", ContainerMessages.LocalObjectReference),
        Flag(4, "automountServiceAccountToken").KeepZero());

    public static readonly MessageSchema ServicePort = new("ServicePort",
        Text(1, "name"), Text(2, "protocol"), Int32(3, "port").KeepZero(), IntOrString(4, "targetPort"), Int32(5, "nodePort"), Text(6, "appProtocol").KeepZero());

    public static readonly MessageSchema SessionAffinityConfig = new("SessionAffinityConfig",
        Message(1, "clientIP", new MessageSchema("ClientIPConfig", Int32(1, "timeoutSeconds").KeepZero())));

    public static readonly MessageSchema ServiceSpec = new("ServiceSpec",
        Messages(1, "ports", ServicePort), TextMap(2, "selector"), Text(3, "clusterIP"), Text(4, "type"), Texts(5, "externalIPs"),
        Text(7, "sessionAffinity"), Text(8, "loadBalancerIP"), Texts(9, "loadBalancerSourceRanges"), Text(10, "externalName"),
        Text(11, "externalTrafficPolicy"), Int32(12, "healthCheckNodePort"), Flag(13, "publishNotReadyAddresses"),
        Message(14, "sessionAffinityConfig", SessionAffinityConfig), Text(17, "ipFamilyPolicy"), Texts(18, "clusterIPs"), Texts(19, "ipFamilies"),
        Flag(20, "allocateLoadBalancerNodePorts").KeepZero(), Text(21, "loadBalancerClass").KeepZero(), Text(22, "internalTrafficPolicy"),
        Text(23, "trafficDistribution").KeepZero());

    public static readonly MessageSchema Service = new("Service", Metadata, Message(2, "spec", ServiceSpec));

    public static readonly MessageSchema Pod = new("Pod", Metadata, Message(2, "spec", PodMessages.PodSpec));

    public static readonly MessageSchema ScopeSelector = new("ScopeSelector",
        Messages(1, "matchExpressions", new MessageSchema("ScopedResourceSelectorRequirement", Text(1, "scopeName"), Text(2, "operator"), Texts(3, "values"))));

    public static readonly MessageSchema ResourceQuota = new("ResourceQuota", Metadata,
        Message(2, "spec", new MessageSchema("ResourceQuotaSpec", QuantityMap(1, "hard"), Texts(2, "scopes"), Message(3, "scopeSelector", ScopeSelector))));

    public static readonly MessageSchema LimitRangeItem = new("LimitRangeItem",
        Text(1, "type"), QuantityMap(2, "max"), QuantityMap(3, "min"), QuantityMap(4, "default"), QuantityMap(5, "defaultRequest"),
        QuantityMap(6, "maxLimitRequestRatio"));

    public static readonly MessageSchema LimitRange = new("LimitRange", Metadata,
        Message(2, "spec", new MessageSchema("LimitRangeSpec", Messages(1, "limits", LimitRangeItem))));
}
