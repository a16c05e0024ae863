using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>core/v1's Volume with the sources a lesson uses, and the PersistentVolumeClaim a volume or a StatefulSet claims.</summary>
public static class VolumeMessages
{
    public static readonly MessageSchema TypedLocalObjectReference = new("TypedLocalObjectReference",
        Text(1, "apiGroup").KeepZero(), Text(2, "kind"), Text(3, "name"));

    public static readonly MessageSchema TypedObjectReference = new("TypedObjectReference",
        Text(1, "apiGroup").KeepZero(), Text(2, "kind"), Text(3, "name"), Text(4, "namespace").KeepZero());

    public static readonly MessageSchema VolumeResourceRequirements = new("VolumeResourceRequirements",
        QuantityMap(1, "limits"), QuantityMap(2, "requests"));

    public static readonly MessageSchema PersistentVolumeClaimSpec = new("PersistentVolumeClaimSpec",
        Texts(1, "accessModes"), Message(2, "resources", VolumeResourceRequirements), Text(3, "volumeName"),
        Message(4, "selector", MetaMessages.LabelSelector), Text(5, "storageClassName").KeepZero(), Text(6, "volumeMode"),
        Message(7, "dataSource", TypedLocalObjectReference), Message(8, "dataSourceRef", TypedObjectReference),
        Text(9, "volumeAttributesClassName").KeepZero());

    public static readonly MessageSchema PersistentVolumeClaim = new("PersistentVolumeClaim",
        Message(1, "metadata", MetaMessages.ObjectMeta), Message(2, "spec", PersistentVolumeClaimSpec));

    public static readonly MessageSchema PersistentVolumeClaimTemplate = new("PersistentVolumeClaimTemplate",
        Message(1, "metadata", MetaMessages.ObjectMeta), Message(2, "spec", PersistentVolumeClaimSpec));

    public static readonly MessageSchema KeyToPath = new("KeyToPath", Text(1, "key"), Text(2, "path"), Int32(3, "mode").KeepZero());

    public static readonly MessageSchema HostPathVolumeSource = new("HostPathVolumeSource", Text(1, "path"), Text(2, "type"));

    public static readonly MessageSchema EmptyDirVolumeSource = new("EmptyDirVolumeSource", Text(1, "medium"), Quantity(2, "sizeLimit"));

    public static readonly MessageSchema SecretVolumeSource = new("SecretVolumeSource",
        Text(1, "secretName"), Messages(2, "items", KeyToPath), Int32(3, "defaultMode").KeepZero(), Flag(4, "optional").KeepZero());

    public static readonly MessageSchema ConfigMapVolumeSource = new("ConfigMapVolumeSource",
        Inline(1, ContainerMessages.LocalObjectReference), Messages(2, "items", KeyToPath), Int32(3, "defaultMode").KeepZero(),
        Flag(4, "optional").KeepZero());

    public static readonly MessageSchema NfsVolumeSource = new("NFSVolumeSource", Text(1, "server"), Text(2, "path"), Flag(3, "readOnly"));

    public static readonly MessageSchema PersistentVolumeClaimVolumeSource = new("PersistentVolumeClaimVolumeSource",
        Text(1, "claimName"), Flag(2, "readOnly"));

    public static readonly MessageSchema DownwardApiVolumeFile = new("DownwardAPIVolumeFile",
        Text(1, "path"), Message(2, "fieldRef", ContainerMessages.ObjectFieldSelector),
        Message(3, "resourceFieldRef", ContainerMessages.ResourceFieldSelector), Int32(4, "mode").KeepZero());

    public static readonly MessageSchema DownwardApiVolumeSource = new("DownwardAPIVolumeSource",
        Messages(1, "items", DownwardApiVolumeFile), Int32(2, "defaultMode").KeepZero());

    public static readonly MessageSchema SecretProjection = new("SecretProjection",
        Inline(1, ContainerMessages.LocalObjectReference), Messages(2, "items", KeyToPath), Flag(4, "optional").KeepZero());

    public static readonly MessageSchema ConfigMapProjection = new("ConfigMapProjection",
        Inline(1, ContainerMessages.LocalObjectReference), Messages(2, "items", KeyToPath), Flag(4, "optional").KeepZero());

    public static readonly MessageSchema DownwardApiProjection = new("DownwardAPIProjection", Messages(1, "items", DownwardApiVolumeFile));

    public static readonly MessageSchema ServiceAccountTokenProjection = new("ServiceAccountTokenProjection",
        Text(1, "audience"), Int64(2, "expirationSeconds").KeepZero(), Text(3, "path"));

    public static readonly MessageSchema VolumeProjection = new("VolumeProjection",
        Message(1, "secret", SecretProjection), Message(2, "downwardAPI", DownwardApiProjection), Message(3, "configMap", ConfigMapProjection),
        Message(4, "serviceAccountToken", ServiceAccountTokenProjection));

    public static readonly MessageSchema ProjectedVolumeSource = new("ProjectedVolumeSource",
        Messages(1, "sources", VolumeProjection), Int32(2, "defaultMode").KeepZero());

    public static readonly MessageSchema EphemeralVolumeSource = new("EphemeralVolumeSource",
        Message(1, "volumeClaimTemplate", PersistentVolumeClaimTemplate));

    public static readonly MessageSchema ImageVolumeSource = new("ImageVolumeSource", Text(1, "reference"), Text(2, "pullPolicy"));

    /// <summary>The sources a lesson's Pod may name; a cloud provider's disk is skipped like any unknown field.</summary>
    public static readonly MessageSchema VolumeSource = new("VolumeSource",
        Message(1, "hostPath", HostPathVolumeSource), Message(2, "emptyDir", EmptyDirVolumeSource), Message(6, "secret", SecretVolumeSource),
        Message(7, "nfs", NfsVolumeSource), Message(10, "persistentVolumeClaim", PersistentVolumeClaimVolumeSource),
        Message(16, "downwardAPI", DownwardApiVolumeSource), Message(19, "configMap", ConfigMapVolumeSource),
        Message(26, "projected", ProjectedVolumeSource), Message(29, "ephemeral", EphemeralVolumeSource), Message(30, "image", ImageVolumeSource));

    public static readonly MessageSchema Volume = new("Volume", Text(1, "name"), Inline(2, VolumeSource));
}
