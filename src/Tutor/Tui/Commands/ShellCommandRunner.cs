using System.Diagnostics;

namespace Tutor.Tui;

/// <summary>
/// Runs a command with <c>/bin/sh -c</c>, its output piped back line by line. Standard input is closed at once:
/// the terminal belongs to the screen, and a command that waits for input would otherwise hang unseen.
/// </summary>
public sealed class ShellCommandRunner : ICommandRunner
{
    public async Task<int> RunAsync(string command, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, Action<string, bool> output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.Exists(workingDirectory) ? workingDirectory : "",
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) output(e.Data, false);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) output(e.Data, true);
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The whole tree: `kubectl get pods -w | grep vote` leaves no watcher behind.
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            throw;
        }

        return process.ExitCode;
    }
}
