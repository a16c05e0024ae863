using Tutor.Engine;

namespace Tutor.Cli;

/// <summary>A connected cluster for a verb, or the exit status to stop with (the reason already printed).</summary>
public sealed record ClusterChoice(ClusterSession? Session, int ExitCode)
{
    public static ClusterChoice Stop(int exitCode) => new(null, exitCode);
}
