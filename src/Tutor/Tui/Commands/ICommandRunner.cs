namespace Tutor.Tui;

/// <summary>Runs a lesson command in a shell; behind an interface so the output panel is tested without processes.</summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs <paramref name="command"/> and reports each line of output as it comes (<c>error</c> true for stderr),
    /// from any thread. Returns the exit code; cancelling stops the command and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<int> RunAsync(string command, IReadOnlyDictionary<string, string>? environment, Action<string, bool> output, CancellationToken cancellationToken);
}
