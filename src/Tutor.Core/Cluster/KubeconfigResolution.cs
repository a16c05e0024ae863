namespace Tutor.Core.Cluster;

/// <summary>The outcome of resolving a kubeconfig: a target, or a message saying why there is none.</summary>
public sealed record KubeconfigResolution(KubeconfigResolutionStatus Status, ClusterTarget? Target, string Message)
{
    public static KubeconfigResolution Resolved(ClusterTarget target) =>
        new(KubeconfigResolutionStatus.Resolved, target, $"context {target.ContextName} ({target.ServerUrl}) from {target.Source}");

    public static KubeconfigResolution NotConfigured(string message) => new(KubeconfigResolutionStatus.NotConfigured, null, message);

    public static KubeconfigResolution Invalid(string message) => new(KubeconfigResolutionStatus.Invalid, null, message);
}
