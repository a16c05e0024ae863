using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>apps/v1: Deployment, ReplicaSet, StatefulSet and DaemonSet.</summary>
public static class AppsMessages
{
    private static FieldSchema Metadata => Message(1, "metadata", MetaMessages.ObjectMeta);

    private static FieldSchema Selector(int number) => Message(number, "selector", MetaMessages.LabelSelector);

    private static FieldSchema Template(int number) => Message(number, "template", PodMessages.PodTemplateSpec);

    private static MessageSchema RollingUpdate(string name) => new(name,
        IntOrString(1, "maxUnavailable").KeepZero(), IntOrString(2, "maxSurge").KeepZero());

    public static readonly MessageSchema Deployment = new("Deployment", Metadata, Message(2, "spec", new MessageSchema("DeploymentSpec",
        Int32(1, "replicas").KeepZero(), Selector(2), Template(3),
        Message(4, "strategy", new MessageSchema("DeploymentStrategy", Text(1, "type"), Message(2, "rollingUpdate", RollingUpdate("RollingUpdateDeployment")))),
        Int32(5, "minReadySeconds"), Int32(6, "revisionHistoryLimit").KeepZero(), Flag(7, "paused"), Int32(9, "progressDeadlineSeconds").KeepZero())));

    public static readonly MessageSchema ReplicaSet = new("ReplicaSet", Metadata, Message(2, "spec", new MessageSchema("ReplicaSetSpec",
        Int32(1, "replicas").KeepZero(), Selector(2), Template(3), Int32(4, "minReadySeconds"))));

    public static readonly MessageSchema StatefulSet = new("StatefulSet", Metadata, Message(2, "spec", new MessageSchema("StatefulSetSpec",
        Int32(1, "replicas").KeepZero(), Selector(2), Template(3), Messages(4, "volumeClaimTemplates", VolumeMessages.PersistentVolumeClaim),
        Text(5, "serviceName"), Text(6, "podManagementPolicy"),
        Message(7, "updateStrategy", new MessageSchema("StatefulSetUpdateStrategy", Text(1, "type"),
            Message(2, "rollingUpdate", new MessageSchema("RollingUpdateStatefulSetStrategy", Int32(1, "partition").KeepZero(), IntOrString(2, "maxUnavailable").KeepZero())))),
        Int32(8, "revisionHistoryLimit").KeepZero(), Int32(9, "minReadySeconds"),
        Message(10, "persistentVolumeClaimRetentionPolicy", new MessageSchema("StatefulSetPersistentVolumeClaimRetentionPolicy", Text(1, "whenDeleted"), Text(2, "whenScaled"))),
        Message(11, "ordinals", new MessageSchema("StatefulSetOrdinals", Int32(1, "start").KeepZero())))));

    public static readonly MessageSchema DaemonSet = new("DaemonSet", Metadata, Message(2, "spec", new MessageSchema("DaemonSetSpec",
        Selector(1), Template(2),
        Message(3, "updateStrategy", new MessageSchema("DaemonSetUpdateStrategy", Text(1, "type"), Message(2, "rollingUpdate", RollingUpdate("RollingUpdateDaemonSet")))),
        Int32(4, "minReadySeconds"), Int32(6, "revisionHistoryLimit").KeepZero())));
}
