using Tutor.Cli;
using Tutor.Tests.Engine;

namespace Tutor.Tests.Cli;

/// <summary>Runs the real command line in-process with its own environment, home and state folder, and captures what it prints.</summary>
internal sealed class CliRun : IDisposable
{
    private readonly Dictionary<string, string> _environment = new();

    public CliRun()
    {
        Home = Path.Combine(Path.GetTempPath(), "tutor-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Home);
        _environment["HOME"] = Home;
        _environment["XDG_STATE_HOME"] = Path.Combine(Home, "state");
    }

    public string Home { get; }

    public string StateDirectory => Path.Combine(Home, "state", "tutor");

    public CliRun With(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public string WriteKubeconfig(string contents)
    {
        var path = Path.Combine(Home, "kubeconfig-" + Guid.NewGuid().ToString("N")[..6]);
        File.WriteAllText(path, contents);
        _environment["KUBECONFIG"] = path;
        return path;
    }

    /// <summary>How long a verb may run before its test fails: the longest, `tutor test` over the whole catalogue, takes minutes.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    /// <summary>Runs a verb to its end; one still running at <see cref="Deadline"/> is stopped and fails the test.</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        // The extra minute is for a verb that does not stop when asked.
        var result = await RunAsync(new StringWriter(), deadline.Token, args).WaitAsync(Deadline + TimeSpan.FromMinutes(1));
        if (deadline.IsCancellationRequested) throw new TimeoutException($"tutor {string.Join(' ', args)} did not end within {Deadline.TotalMinutes:0} minutes");
        return result;
    }

    /// <summary>Runs until the verb ends or <paramref name="cancellationToken"/> stops it (as Ctrl+C would), printing into <paramref name="output"/> as it goes.</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(TextWriter output, CancellationToken cancellationToken, params string[] args)
    {
        var error = new StringWriter();
        var io = new CliIo(output, error, new StringReader(""), name => _environment.GetValueOrDefault(name), ShippedCatalogue.Root, AppContext.BaseDirectory)
        {
            Interactive = false,
        };
        var exit = await TutorCli.RunAsync(args, io, cancellationToken);
        return (exit, output.ToString() ?? "", error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Home)) Directory.Delete(Home, recursive: true);
    }
}
