using System.Text.Json.Nodes;
using Tutor.Sandbox;
using Tutor.Tests.Support;

namespace Tutor.Tests.Kubectl;

/// <summary>
/// One sandbox, one kubeconfig and one kubectl discovery cache shared by a test class, so each kubectl call
/// costs a request rather than a start-up. Tests keep apart by working in namespaces of their own.
/// </summary>
public sealed class KubectlSandbox : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tutor-kubectl-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxServer _server = null!;

    public string Kubeconfig { get; private set; } = "";

    public string Directory => _dir;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_dir);
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
        Kubeconfig = Path.Combine(_dir, "kubeconfig");
        await System.IO.File.WriteAllTextAsync(Kubeconfig, _server.Kubeconfig());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        System.IO.Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Why kubectl cannot be used here (missing, or older than 1.28), or null when it can.</summary>
    public static string? Unavailable => Availability.Value;

    private static readonly Lazy<string?> Availability = new(() =>
    {
        try
        {
            var (code, output, _) = Run(null, null, "version", "--client", "-o", "json");
            if (code != 0) return "kubectl did not run";
            var minor = JsonNode.Parse(output)!["clientVersion"]!["minor"]!.GetValue<string>().TrimEnd('+');
            return int.TryParse(minor, out var m) && m >= 28 ? null : $"kubectl 1.{minor} is older than 1.28";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "kubectl is not on PATH";
        }
    });

    public (int Code, string Out, string Error) Kubectl(params string[] args) => Run(Kubeconfig, null, ["--cache-dir", Path.Combine(_dir, "cache"), .. args]);

    /// <summary>kubectl with extra environment variables, such as the EDITOR that <c>kubectl edit</c> runs.</summary>
    public (int Code, string Out, string Error) KubectlWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(Kubeconfig, environment, ["--cache-dir", Path.Combine(_dir, "cache"), .. args]);

    /// <summary>A file in the fixture's folder with the given text, for <c>-f</c> and editor scripts.</summary>
    public string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>kubectl with a kubeconfig of the caller's choosing (e.g. a learner's ServiceAccount token).</summary>
    internal static (int Code, string Out, string Error) Run(string? kubeconfig, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (kubeconfig is not null) variables["KUBECONFIG"] = kubeconfig;
        return ChildProcess.Run("kubectl", args, variables, TimeSpan.FromSeconds(30));
    }
}
