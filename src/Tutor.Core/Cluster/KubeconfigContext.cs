namespace Tutor.Core.Cluster;

/// <summary>Where a resolved context came from: the kubeconfig files (in kubectl's order) and the names its context joins.</summary>
public sealed record KubeconfigContext(IReadOnlyList<string> Files, string Cluster, string User);
