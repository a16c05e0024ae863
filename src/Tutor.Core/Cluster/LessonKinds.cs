using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>The namespaced kinds lessons create, in the order reset deletes them (owners before what they own).</summary>
public static class LessonKinds
{
    public static readonly IReadOnlyList<ResourceKind> ResetOrder =
    [
        new("apps/v1", "Deployment"),
        new("apps/v1", "StatefulSet"),
        new("apps/v1", "DaemonSet"),
        new("batch/v1", "CronJob"),
        new("batch/v1", "Job"),
        new("apps/v1", "ReplicaSet"),
        new("v1", "Pod"),
        new("autoscaling/v2", "HorizontalPodAutoscaler"),
        new("policy/v1", "PodDisruptionBudget"),
        new("networking.k8s.io/v1", "Ingress"),
        new("networking.k8s.io/v1", "NetworkPolicy"),
        new("v1", "Service"),
        new("v1", "ConfigMap"),
        new("v1", "Secret"),
        new("v1", "PersistentVolumeClaim"),
        new("rbac.authorization.k8s.io/v1", "RoleBinding"),
        new("rbac.authorization.k8s.io/v1", "Role"),
        new("v1", "ServiceAccount"),
    ];

    /// <summary>Objects the cluster itself puts in every namespace; deleting them would only make it recreate them.</summary>
    public static bool IsManagedByCluster(ResourceKind kind, System.Text.Json.Nodes.JsonObject item)
    {
        var name = item["metadata"]?["name"]?.GetValue<string>();
        return (kind.ApiVersion, kind.Kind) switch
        {
            ("v1", "ServiceAccount") => name == "default",
            ("v1", "ConfigMap") => name == "kube-root-ca.crt",
            ("v1", "Secret") => item["type"]?.GetValue<string>() == "kubernetes.io/service-account-token",
            _ => false,
        };
    }
}
