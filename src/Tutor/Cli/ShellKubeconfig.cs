using Tutor.Core.Cluster;
using Tutor.Core.Progress;

namespace Tutor.Cli;

/// <summary>
/// The kubeconfig overlay the screen's commands run with on a configured cluster (see <see cref="KubectlOverlay"/>):
/// one file per running Tutor in its state folder, removed when it quits.
/// </summary>
public static class ShellKubeconfig
{
    public static string PathFor(CliIo io) =>
        Path.Combine(StateDirectory.Resolve(io.Environment, io.Home), $"kubectl-{System.Environment.ProcessId}.kubeconfig");

    /// <summary>KUBECONFIG for the commands, or null (the learner's environment as it is) when the context names no cluster.</summary>
    public static Dictionary<string, string>? Environment(CliIo io, ClusterTarget target)
    {
        if (target.Kubeconfig is not { Cluster.Length: > 0, User.Length: > 0 } context) return null;
        var path = PathFor(io);
        try
        {
            SandboxKubeconfig.Write(path, KubectlOverlay.Yaml(context.Cluster, context.User, target.Namespace));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return new Dictionary<string, string> { ["KUBECONFIG"] = KubectlOverlay.KubeconfigVariable(path, context) };
    }

    public static void Remove(CliIo io)
    {
        try
        {
            File.Delete(PathFor(io));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
