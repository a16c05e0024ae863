using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>Answers a command with preset output and exit code, or (with <see cref="WaitForCancel"/>) runs until stopped.</summary>
internal sealed class FakeCommandRunner : ICommandRunner
{
    public List<(string Command, string? WorkingDirectory, IReadOnlyDictionary<string, string>? Environment)> Runs { get; } = [];

    public IReadOnlyList<(string Text, bool Error)> Output { get; set; } = [("NAME   READY   STATUS", false), ("vote   1/1     Running", false)];

    public int ExitCode { get; set; }

    public bool WaitForCancel { get; set; }

    public bool Cancelled { get; private set; }

    public async Task<int> RunAsync(string command, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, Action<string, bool> output, CancellationToken cancellationToken)
    {
        Runs.Add((command, workingDirectory, environment));
        foreach (var (text, error) in Output) output(text, error);
        if (WaitForCancel)
        {
            // Completes on the thread that cancels, as the UI thread in these tests.
            var stopped = new TaskCompletionSource();
            using (cancellationToken.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task;
            }

            Cancelled = true;
            throw new OperationCanceledException(cancellationToken);
        }

        return ExitCode;
    }
}
