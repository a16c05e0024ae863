using System.Diagnostics;

namespace Tutor.Tests.Support;

/// <summary>Runs a program the tests need (tmux, kubectl) to its end, or kills it when it outlives its time.</summary>
internal static class ChildProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static (int Code, string Out, string Error) Run(
        string file,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        // A program run here (Tutor in tmux above all) is meant to see a real terminal.
        info.Environment.Remove(HeadlessTerminal.Variable);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        // Both streams are read at once: reading one to its end first can block on the other's full pipe.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not end within {limit.TotalSeconds:0}s");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
