namespace Tutor.Core.Cluster;

public enum KubeconfigResolutionStatus
{
    /// <summary>A context was found and a target built.</summary>
    Resolved,

    /// <summary>No kubeconfig exists at all: the caller may offer the sandbox.</summary>
    NotConfigured,

    /// <summary>A kubeconfig exists but cannot be used (broken file, unknown context, missing file given by flag).</summary>
    Invalid,
}
