namespace Tutor.Sandbox.Store;

/// <summary>Every kind the sandbox stores. Discovery, routing and the controllers all read this one list.</summary>
public static class ResourceTypes
{
    public static readonly ResourceType Namespace = new("", "v1", "Namespace", "namespaces", false, ["ns"]);
    public static readonly ResourceType Node = new("", "v1", "Node", "nodes", false, ["no"]);
    public static readonly ResourceType Pod = new("", "v1", "Pod", "pods", true, ["po"]);
    public static readonly ResourceType Service = new("", "v1", "Service", "services", true, ["svc"]);
    public static readonly ResourceType Endpoints = new("", "v1", "Endpoints", "endpoints", true, ["ep"]);
    public static readonly ResourceType EndpointSlice = new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true);
    public static readonly ResourceType ConfigMap = new("", "v1", "ConfigMap", "configmaps", true, ["cm"]);
    public static readonly ResourceType Secret = new("", "v1", "Secret", "secrets", true);
    public static readonly ResourceType ServiceAccount = new("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"]);
    public static readonly ResourceType Event = new("", "v1", "Event", "events", true, ["ev"]);
    public static readonly ResourceType PersistentVolumeClaim = new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"]);
    public static readonly ResourceType PersistentVolume = new("", "v1", "PersistentVolume", "persistentvolumes", false, ["pv"]);
    public static readonly ResourceType ResourceQuota = new("", "v1", "ResourceQuota", "resourcequotas", true, ["quota"]);
    public static readonly ResourceType LimitRange = new("", "v1", "LimitRange", "limitranges", true, ["limits"]);
    public static readonly ResourceType Deployment = new("apps", "v1", "Deployment", "deployments", true, ["deploy"]);
    public static readonly ResourceType ReplicaSet = new("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"]);
    public static readonly ResourceType StatefulSet = new("apps", "v1", "StatefulSet", "statefulsets", true, ["sts"]);
    public static readonly ResourceType DaemonSet = new("apps", "v1", "DaemonSet", "daemonsets", true, ["ds"]);
    public static readonly ResourceType Job = new("batch", "v1", "Job", "jobs", true);
    public static readonly ResourceType CronJob = new("batch", "v1", "CronJob", "cronjobs", true, ["cj"]);
    public static readonly ResourceType Ingress = new("networking.k8s.io", "v1", "Ingress", "ingresses", true, ["ing"]);
    public static readonly ResourceType NetworkPolicy = new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, ["netpol"]);
    public static readonly ResourceType HorizontalPodAutoscaler = new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"]);
    public static readonly ResourceType PodDisruptionBudget = new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"]);
    public static readonly ResourceType Role = new("rbac.authorization.k8s.io", "v1", "Role", "roles", true);
    public static readonly ResourceType RoleBinding = new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true);
    public static readonly ResourceType ClusterRole = new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false);
    public static readonly ResourceType ClusterRoleBinding = new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false);
    public static readonly ResourceType StorageClass = new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, ["sc"]);
    public static readonly ResourceType Lease = new("coordination.k8s.io", "v1", "Lease", "leases", true);

    public static readonly IReadOnlyList<ResourceType> All =
    [
        Namespace, Node, Pod, Service, Endpoints, EndpointSlice, ConfigMap, Secret, ServiceAccount, Event,
        PersistentVolumeClaim, PersistentVolume, ResourceQuota, LimitRange,
        Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
        Ingress, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget,
        Role, RoleBinding, ClusterRole, ClusterRoleBinding, StorageClass, Lease,
    ];

    /// <summary>The type served at <paramref name="group"/>/<paramref name="version"/>/<paramref name="plural"/>, or null.</summary>
    public static ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    public static ResourceType? FindKind(string apiVersion, string kind) =>
        All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);
}
