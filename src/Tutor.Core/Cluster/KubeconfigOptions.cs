namespace Tutor.Core.Cluster;

/// <summary>What the command line says about the cluster: the same three flags kubectl reads.</summary>
public sealed record KubeconfigOptions
{
    /// <summary><c>--kubeconfig</c>: one file that replaces KUBECONFIG and ~/.kube/config.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary><c>--context</c>: overrides the file's current-context.</summary>
    public string? Context { get; init; }

    /// <summary><c>--namespace</c>: the learner's namespace; otherwise the context's, otherwise <c>tutor</c>.</summary>
    public string? Namespace { get; init; }
}
