namespace Tutor.Tui;

/// <summary>The cluster Tutor talks to.</summary>
/// <param name="Context">The kubeconfig context name (or "sandbox").</param>
/// <param name="Namespace">The learner's namespace.</param>
/// <param name="State">Whether the cluster answers.</param>
/// <param name="Reason">Why the connection was lost (or what it is waiting for), when known.</param>
/// <param name="Simulated">True on Tutor's embedded sandbox, which only simulates a cluster.</param>
/// <param name="KubectlHint">How to point kubectl at this cluster, when kubectl would not find it on its own (the sandbox).</param>
/// <param name="ShellEnvironment">Variables a lesson command runs with so kubectl reaches this cluster (KUBECONFIG for the sandbox).</param>
public sealed record ConnectionStatus(
    string Context,
    string Namespace,
    ConnectionState State,
    string? Reason = null,
    bool Simulated = false,
    string? KubectlHint = null,
    IReadOnlyDictionary<string, string>? ShellEnvironment = null);
