namespace Tutor.Core.Doctor;

/// <summary>
/// What <c>tutor doctor</c> found out about the tools and the cluster, before any judgement. Gathered by the verb,
/// judged by <see cref="DoctorAdvisor"/>, so the judgement is tested without a cluster. Null means "could not be determined".
/// </summary>
public sealed record ClusterFacts
{
    public string? KubectlVersion { get; init; }
    public string Context { get; init; } = "";
    public string Server { get; init; } = "";
    public bool Reachable { get; init; }
    public string? Unreachable { get; init; }
    public string? ServerVersion { get; init; }
    public IReadOnlyList<NodeFacts> Nodes { get; init; } = [];
    public IReadOnlyList<string> StorageClasses { get; init; } = [];
    public string? DefaultStorageClass { get; init; }
    public IReadOnlyList<string> IngressClasses { get; init; } = [];

    /// <summary>Pods of well-known ingress controllers (ingress-nginx, Traefik, HAProxy, Contour), as namespace/name.</summary>
    public IReadOnlyList<string> IngressControllerPods { get; init; } = [];

    /// <summary>Pods of CNIs that enforce NetworkPolicy (Calico, Cilium, Antrea, Weave), as namespace/name.</summary>
    public IReadOnlyList<string> NetworkPolicyPods { get; init; } = [];

    public bool MetricsApi { get; init; }
    public bool FluxInstalled { get; init; }

    /// <summary>May the learner create Deployments in their namespace; null when the cluster cannot say (no SelfSubjectAccessReview).</summary>
    public bool? CanWorkInNamespace { get; init; }

    /// <summary>May the learner create Namespaces (the lessons that need cluster-wide rights); null when unknown.</summary>
    public bool? CanCreateClusterWide { get; init; }
}

/// <summary>One node as doctor needs it: name, labels, provider ID.</summary>
public sealed record NodeFacts(string Name, IReadOnlyDictionary<string, string> Labels, string? ProviderId);
