using k8s;
using Tutor.Core.Cluster;
using Tutor.Core.Progress;
using Tutor.Engine;

namespace Tutor.Cli;

/// <summary>
/// Picks the cluster a verb works on, as kubectl would (flags, KUBECONFIG, ~/.kube/config), then a running
/// <c>tutor sandbox</c>; probes it, and holds back contexts that do not look local until confirmed once.
/// </summary>
public sealed class ClusterConnector(CliIo io, KubeconfigOptions options, bool confirmed)
{
    public const string NoClusterAdvice =
        "Start the built-in sandbox with `tutor sandbox` (then `export KUBECONFIG=…` as it says), or point Tutor at a cluster: "
        + "kind (`kind create cluster`), minikube (`minikube start`) or k3d (`k3d cluster create`).";

    /// <summary>Resolves the configured cluster, or a running sandbox; null target with a message when neither exists.</summary>
    public KubeconfigResolution Resolve() => ResolveWithOrigin().Resolution;

    /// <summary>As <see cref="Resolve"/>, saying whether the answer is a sandbox's kubeconfig Tutor found on its own.</summary>
    public (KubeconfigResolution Resolution, bool FoundSandbox) ResolveWithOrigin()
    {
        var resolver = new KubeconfigResolver(io.Environment, io.Home);
        var resolution = resolver.Resolve(options);
        if (resolution.Status != KubeconfigResolutionStatus.NotConfigured) return (resolution, false);
        var running = SandboxKubeconfig.DefaultPath(io);
        if (!File.Exists(running)) return (resolution, false);
        var found = resolver.Resolve(options with { KubeconfigPath = running });
        return found.Status == KubeconfigResolutionStatus.Resolved ? (found, true) : (resolution, false);
    }

    /// <summary>
    /// Resolves, confirms and (with <paramref name="probe"/>) asks the server for its version first; prints why and
    /// returns the exit status when it cannot go on. Verbs skip the probe: their first request fails just as
    /// clearly (exit 3) when the cluster is out of reach, and a round trip less is a faster `tutor check`.
    /// </summary>
    public async Task<ClusterChoice> ConnectAsync(CancellationToken cancellationToken, bool probe = false)
    {
        var resolution = Resolve();
        switch (resolution.Status)
        {
            case KubeconfigResolutionStatus.NotConfigured:
                io.Error.WriteLine($"tutor: no cluster configured. {NoClusterAdvice}");
                return ClusterChoice.Stop(ExitCodes.Unreachable);
            case KubeconfigResolutionStatus.Invalid:
                io.Error.WriteLine($"tutor: {resolution.Message}");
                return ClusterChoice.Stop(ExitCodes.BadInput);
        }

        var target = resolution.Target!;
        if (!target.LooksLocal && !confirmed && !ConfirmedContexts().IsConfirmed(target.ContextName))
        {
            io.Error.WriteLine($"tutor: context \"{target.ContextName}\" ({target.ServerUrl}) does not look like a local cluster. "
                + "Tutor creates and deletes objects in its own namespace there; confirm once with --yes, or by starting `tutor` and answering its question.");
            return ClusterChoice.Stop(ExitCodes.BadInput);
        }

        if (!target.LooksLocal && confirmed) ConfirmedContexts().Confirm(target.ContextName);
        var session = ClusterSession.Open(target, simulated: IsSandbox(target));
        if (!probe) return new ClusterChoice(session, ExitCodes.Ok);
        var answer = await ClusterProbe.ProbeAsync(session.Connection, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (answer.Status is ProbeStatus.Unreachable or ProbeStatus.Unauthorized)
        {
            io.Error.WriteLine($"tutor: {answer.Message}");
            if (target.ContextName == SandboxKubeconfig.ContextName) io.Error.WriteLine("tutor: is `tutor sandbox` still running?");
            session.Dispose();
            return ClusterChoice.Stop(ExitCodes.Unreachable);
        }

        return new ClusterChoice(session, ExitCodes.Ok);
    }

    public static bool IsSandbox(ClusterTarget target) => target.ContextName == SandboxKubeconfig.ContextName;

    private ConfirmedContexts ConfirmedContexts() => new(StateDirectory.Resolve(io.Environment, io.Home));
}
