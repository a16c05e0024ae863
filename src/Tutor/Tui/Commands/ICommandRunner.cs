namespace Tutor.Tui;

/// <summary>Runs a lesson command in a shell; behind an interface so the output panel is tested without processes.</summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs <paramref name="command"/> in <paramref name="workingDirectory"/> (the catalogue's root, where the paths
    /// a lesson writes, such as manifests/120-deployments/step-2.yaml, lead) and reports each line of output as it comes (<c>error</c> true for stderr),
    /// from any thread. Returns the exit code; cancelling stops the command and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<int> RunAsync(string command, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, Action<string, bool> output, CancellationToken cancellationToken);
}
