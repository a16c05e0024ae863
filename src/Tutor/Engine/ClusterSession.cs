using Tutor.Core.Cluster;

namespace Tutor.Engine;

/// <summary>The cluster one run of Tutor works on: the connection, the context's name, the learner's namespace.</summary>
public sealed class ClusterSession(ClusterConnection connection, string context, string @namespace, bool simulated, string? kubectlHint = null)
    : IDisposable
{
    public ClusterConnection Connection { get; } = connection;

    /// <summary>The kubeconfig context (progress is kept per context).</summary>
    public string Context { get; } = context;

    public string Namespace { get; } = @namespace;

    /// <summary>True on the built-in sandbox.</summary>
    public bool Simulated { get; } = simulated;

    /// <summary>How to point kubectl at this cluster when it would not find it by itself, e.g. <c>export KUBECONFIG=…</c>.</summary>
    public string? KubectlHint { get; } = kubectlHint;

    /// <summary>Variables a lesson command run from the screen needs to reach this cluster and namespace (KUBECONFIG).</summary>
    public IReadOnlyDictionary<string, string>? ShellEnvironment { get; set; }

    public string Server => Connection.Server;

    public ManifestApplier Applier { get; } = new(connection);

    public LessonResetter Resetter { get; } = new(connection);

    public static ClusterSession Open(ClusterTarget target, bool simulated = false, string? kubectlHint = null) =>
        new(ClusterConnection.Open(target), target.ContextName, target.Namespace, simulated, kubectlHint);

    public void Dispose() => Connection.Dispose();
}
