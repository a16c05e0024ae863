using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>core/v1's Container and what it is made of: ports, environment, resources, mounts, probes, security.</summary>
public static class ContainerMessages
{
    public static readonly MessageSchema LocalObjectReference = new("LocalObjectReference", Text(1, "name"));

    public static readonly MessageSchema ObjectFieldSelector = new("ObjectFieldSelector", Text(1, "apiVersion"), Text(2, "fieldPath"));

    public static readonly MessageSchema ResourceFieldSelector = new("ResourceFieldSelector",
        Text(1, "containerName"), Text(2, "resource"), Quantity(3, "divisor"));

    public static readonly MessageSchema ConfigMapKeySelector = new("ConfigMapKeySelector",
        Inline(1, LocalObjectReference), Text(2, "key"), Flag(3, "optional").KeepZero());

    public static readonly MessageSchema SecretKeySelector = new("SecretKeySelector",
        Inline(1, LocalObjectReference), Text(2, "key"), Flag(3, "optional").KeepZero());

    public static readonly MessageSchema EnvVarSource = new("EnvVarSource",
        Message(1, "fieldRef", ObjectFieldSelector), Message(2, "resourceFieldRef", ResourceFieldSelector),
        Message(3, "configMapKeyRef", ConfigMapKeySelector), Message(4, "secretKeyRef", SecretKeySelector));

    public static readonly MessageSchema EnvVar = new("EnvVar", Text(1, "name"), Text(2, "value"), Message(3, "valueFrom", EnvVarSource));

    public static readonly MessageSchema ConfigMapEnvSource = new("ConfigMapEnvSource", Inline(1, LocalObjectReference), Flag(2, "optional").KeepZero());

    public static readonly MessageSchema SecretEnvSource = new("SecretEnvSource", Inline(1, LocalObjectReference), Flag(2, "optional").KeepZero());

    public static readonly MessageSchema EnvFromSource = new("EnvFromSource",
        Text(1, "prefix"), Message(2, "configMapRef", ConfigMapEnvSource), Message(3, "secretRef", SecretEnvSource));

    public static readonly MessageSchema ContainerPort = new("ContainerPort",
        Text(1, "name"), Int32(2, "hostPort"), Int32(3, "containerPort"), Text(4, "protocol"), Text(5, "hostIP"));

    public static readonly MessageSchema ResourceClaim = new("ResourceClaim", Text(1, "name"), Text(2, "request"));

    public static readonly MessageSchema ResourceRequirements = new("ResourceRequirements",
        QuantityMap(1, "limits"), QuantityMap(2, "requests"), Messages(3, "claims", ResourceClaim));

    public static readonly MessageSchema VolumeMount = new("VolumeMount",
        Text(1, "name"), Flag(2, "readOnly"), Text(3, "mountPath"), Text(4, "subPath"), Text(5, "mountPropagation"),
        Text(6, "subPathExpr"), Text(7, "recursiveReadOnly"));

    public static readonly MessageSchema VolumeDevice = new("VolumeDevice", Text(1, "name"), Text(2, "devicePath"));

    public static readonly MessageSchema ExecAction = new("ExecAction", Texts(1, "command"));

    public static readonly MessageSchema HttpHeader = new("HTTPHeader", Text(1, "name"), Text(2, "value").KeepZero());

    public static readonly MessageSchema HttpGetAction = new("HTTPGetAction",
        Text(1, "path"), IntOrString(2, "port"), Text(3, "host"), Text(4, "scheme"), Messages(5, "httpHeaders", HttpHeader));

    public static readonly MessageSchema TcpSocketAction = new("TCPSocketAction", IntOrString(1, "port"), Text(2, "host"));

    public static readonly MessageSchema GrpcAction = new("GRPCAction", Int32(1, "port").KeepZero(), Text(2, "service").KeepZero());

    public static readonly MessageSchema ProbeHandler = new("ProbeHandler",
        Message(1, "exec", ExecAction), Message(2, "httpGet", HttpGetAction), Message(3, "tcpSocket", TcpSocketAction), Message(4, "grpc", GrpcAction));

    public static readonly MessageSchema Probe = new("Probe",
        Inline(1, ProbeHandler), Int32(2, "initialDelaySeconds"), Int32(3, "timeoutSeconds"), Int32(4, "periodSeconds"),
        Int32(5, "successThreshold"), Int32(6, "failureThreshold"), Int64(7, "terminationGracePeriodSeconds").KeepZero());

    public static readonly MessageSchema SleepAction = new("SleepAction", Int64(1, "seconds").KeepZero());

    public static readonly MessageSchema LifecycleHandler = new("LifecycleHandler",
        Message(1, "exec", ExecAction), Message(2, "httpGet", HttpGetAction), Message(3, "tcpSocket", TcpSocketAction), Message(4, "sleep", SleepAction));

    public static readonly MessageSchema Lifecycle = new("Lifecycle",
        Message(1, "postStart", LifecycleHandler), Message(2, "preStop", LifecycleHandler), Text(3, "stopSignal"));

    public static readonly MessageSchema Capabilities = new("Capabilities", Texts(1, "add"), Texts(2, "drop"));

    public static readonly MessageSchema SeLinuxOptions = new("SELinuxOptions", Text(1, "user"), Text(2, "role"), Text(3, "type"), Text(4, "level"));

    public static readonly MessageSchema SeccompProfile = new("SeccompProfile", Text(1, "type"), Text(2, "localhostProfile").KeepZero());

    public static readonly MessageSchema AppArmorProfile = new("AppArmorProfile", Text(1, "type"), Text(2, "localhostProfile").KeepZero());

    public static readonly MessageSchema WindowsSecurityContextOptions = new("WindowsSecurityContextOptions",
        Text(1, "gmsaCredentialSpecName").KeepZero(), Text(2, "gmsaCredentialSpec").KeepZero(), Text(3, "runAsUserName").KeepZero(),
        Flag(4, "hostProcess").KeepZero());

    public static readonly MessageSchema SecurityContext = new("SecurityContext",
        Message(1, "capabilities", Capabilities), Flag(2, "privileged").KeepZero(), Message(3, "seLinuxOptions", SeLinuxOptions),
        Int64(4, "runAsUser").KeepZero(), Flag(5, "runAsNonRoot").KeepZero(), Flag(6, "readOnlyRootFilesystem").KeepZero(),
        Flag(7, "allowPrivilegeEscalation").KeepZero(), Int64(8, "runAsGroup").KeepZero(), Text(9, "procMount"),
        Message(10, "windowsOptions", WindowsSecurityContextOptions), Message(11, "seccompProfile", SeccompProfile),
        Message(12, "appArmorProfile", AppArmorProfile));

    public static readonly MessageSchema ContainerResizePolicy = new("ContainerResizePolicy", Text(1, "resourceName"), Text(2, "restartPolicy"));

    public static readonly MessageSchema Container = new("Container",
        Text(1, "name"), Text(2, "image"), Texts(3, "command"), Texts(4, "args"), Text(5, "workingDir"),
        Messages(6, "ports", ContainerPort), Messages(7, "env", EnvVar), Message(8, "resources", ResourceRequirements),
        Messages(9, "volumeMounts", VolumeMount), Message(10, "livenessProbe", Probe), Message(11, "readinessProbe", Probe),
        Message(12, "lifecycle", Lifecycle), Text(13, "terminationMessagePath"), Text(14, "imagePullPolicy"),
        Message(15, "securityContext", SecurityContext), Flag(16, "stdin"), Flag(17, "stdinOnce"), Flag(18, "tty"),
        Messages(19, "envFrom", EnvFromSource), Text(20, "terminationMessagePolicy"), Messages(21, "volumeDevices", VolumeDevice),
        Message(22, "startupProbe", Probe), Messages(23, "resizePolicy", ContainerResizePolicy), Text(24, "restartPolicy"));
}
