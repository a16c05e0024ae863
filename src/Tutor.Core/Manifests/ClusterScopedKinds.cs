namespace Tutor.Core.Manifests;

/// <summary>
/// Built-in kinds that live outside any namespace. A lesson that creates one needs cluster-wide
/// rights, which a classroom learner with a namespaced Role does not have.
/// </summary>
public static class ClusterScopedKinds
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment",
        "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "APIService", "IngressClass",
        "PriorityClass", "RuntimeClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "CertificateSigningRequest",
        "FlowSchema", "PriorityLevelConfiguration",
    };

    public static bool Contains(string kind) => Kinds.Contains(kind);
}
