namespace Tutor.Core.Checks;

/// <summary>Well-known kinds the checker treats specially: workloads that own Pods, and cluster-scoped kinds.</summary>
public static class WellKnownKinds
{
    public static readonly ResourceKind Pod = new("v1", "Pod");
    public static readonly ResourceKind Service = new("v1", "Service");
    public static readonly ResourceKind Endpoints = new("v1", "Endpoints");
    public static readonly ResourceKind Namespace = new("v1", "Namespace");
    public static readonly ResourceKind Event = new("v1", "Event");
    public static readonly ResourceKind Role = new("rbac.authorization.k8s.io/v1", "Role");
    public static readonly ResourceKind RoleBinding = new("rbac.authorization.k8s.io/v1", "RoleBinding");

    public static readonly ResourceKind PersistentVolumeClaim = new("v1", "PersistentVolumeClaim");
    public static readonly ResourceKind PersistentVolume = new("v1", "PersistentVolume");
    public static readonly ResourceKind StorageClass = new("storage.k8s.io/v1", "StorageClass");

    /// <summary>
    /// What a check reads to say why Pods are not ready: the Pods, their Events, and the claims they mount with the
    /// classes and volumes behind them (a Pod Pending on an unbound claim is a storage problem, not a Pod problem).
    /// </summary>
    public static readonly IReadOnlyList<ResourceKind> PodDiagnosisReads = [Pod, Event, PersistentVolumeClaim, StorageClass, PersistentVolume];

    /// <summary>
    /// Cluster-scoped kinds read only to explain a failure. A learner whose Role cannot list them (a classroom) still
    /// gets every check; the diagnosis just says less.
    /// </summary>
    public static bool IsDiagnosisOnly(ResourceKind kind) => kind == StorageClass || kind == PersistentVolume;

    /// <summary>Kinds <c>rolledOut</c> understands.</summary>
    public static readonly IReadOnlySet<string> RollingWorkloads = new HashSet<string> { "Deployment", "StatefulSet", "DaemonSet" };

    /// <summary>Kinds whose Pods are found through <c>spec.selector</c>, so a failure can be diagnosed from them.</summary>
    public static readonly IReadOnlySet<string> PodOwners =
        new HashSet<string> { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Service" };

    private static readonly HashSet<string> ClusterScoped =
    [
        "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
        "CustomResourceDefinition", "IngressClass", "PriorityClass", "RuntimeClass", "CSIDriver",
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
    ];

    /// <summary>The apiVersion of kinds lessons use, so a checks file that writes the wrong one is told the right one.</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiVersionOf = new Dictionary<string, string>
    {
        ["Pod"] = "v1", ["Service"] = "v1", ["Endpoints"] = "v1", ["Namespace"] = "v1", ["ConfigMap"] = "v1",
        ["Secret"] = "v1", ["PersistentVolumeClaim"] = "v1", ["PersistentVolume"] = "v1", ["ServiceAccount"] = "v1",
        ["Node"] = "v1", ["ResourceQuota"] = "v1", ["LimitRange"] = "v1", ["Event"] = "v1",
        ["Deployment"] = "apps/v1", ["StatefulSet"] = "apps/v1", ["DaemonSet"] = "apps/v1", ["ReplicaSet"] = "apps/v1",
        ["Job"] = "batch/v1", ["CronJob"] = "batch/v1",
        ["Ingress"] = "networking.k8s.io/v1", ["NetworkPolicy"] = "networking.k8s.io/v1", ["IngressClass"] = "networking.k8s.io/v1",
        ["Role"] = "rbac.authorization.k8s.io/v1", ["RoleBinding"] = "rbac.authorization.k8s.io/v1",
        ["ClusterRole"] = "rbac.authorization.k8s.io/v1", ["ClusterRoleBinding"] = "rbac.authorization.k8s.io/v1",
        ["HorizontalPodAutoscaler"] = "autoscaling/v2", ["PodDisruptionBudget"] = "policy/v1",
        ["StorageClass"] = "storage.k8s.io/v1", ["EndpointSlice"] = "discovery.k8s.io/v1",
    };

    public static bool IsClusterScoped(ResourceKind kind) => ClusterScoped.Contains(kind.Kind);
}
