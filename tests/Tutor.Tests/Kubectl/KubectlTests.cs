using System.Diagnostics;
using System.Text.Json.Nodes;
using Tutor.Sandbox;

namespace Tutor.Tests.Kubectl;

/// <summary>
/// The kubectl a learner has, against the sandbox, for what the level-100 lessons ask of it. Skipped, with
/// the reason, on a machine without kubectl 1.28 or newer.
/// </summary>
public sealed class KubectlTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tutor-kubectl-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxServer _server = null!;
    private string _kubeconfig = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
        _kubeconfig = Path.Combine(_dir, "kubeconfig");
        await File.WriteAllTextAsync(_kubeconfig, _server.Kubeconfig());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    internal static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            var (code, output, _) = Run(null, "version", "--client", "-o", "json");
            if (code != 0) return "kubectl did not run";
            var minor = JsonNode.Parse(output)!["clientVersion"]!["minor"]!.GetValue<string>().TrimEnd('+');
            return int.TryParse(minor, out var m) && m >= 28 ? null : $"kubectl 1.{minor} is older than 1.28";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "kubectl is not on PATH";
        }
    });

    private (int Code, string Out, string Error) Kubectl(params string[] args) => Run(_kubeconfig, ["--cache-dir", Path.Combine(_dir, "cache"), .. args]);

    internal static (int Code, string Out, string Error) Run(string? kubeconfig, params string[] args)
    {
        var info = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (kubeconfig is not null) info.Environment["KUBECONFIG"] = kubeconfig;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(30_000).Should().BeTrue($"kubectl {string.Join(' ', args)} should finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string Manifest(string relative) => Path.Combine(Engine.ShippedCatalogue.Root, relative);

    [SkippableFact]
    public void Apply_with_default_validation_then_get_prints_the_real_columns()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);

        var created = Kubectl("create", "-f", Manifest("manifests/101-meet-your-cluster/step-1.yaml"));
        created.Code.Should().Be(0, created.Error);
        var applied = Kubectl("apply", "-f", Manifest("manifests/120-deployments/step-2.solution.yaml"));
        applied.Code.Should().Be(0, applied.Error);
        applied.Out.Should().Contain("deployment.apps/vote created");
        var rollout = Kubectl("rollout", "status", "deployment/vote", "--timeout=20s");
        rollout.Code.Should().Be(0, rollout.Error);

        var pods = Kubectl("get", "pods");
        var deployments = Kubectl("get", "deployments");
        var nodes = Kubectl("get", "nodes");

        pods.Out.Split('\n')[0].Should().MatchRegex(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s*$");
        pods.Out.Should().MatchRegex(@"vote-\S+\s+1/1\s+Running\s+0\s+");
        deployments.Out.Should().MatchRegex(@"NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE").And.MatchRegex(@"vote\s+3/3\s+3\s+3\s+");
        nodes.Out.Should().Contain("sandbox-control-plane").And.Contain("control-plane");
    }

    [SkippableFact]
    public void Scale_labels_and_server_side_apply_work_as_the_lessons_say()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);
        Kubectl("apply", "-f", Manifest("manifests/101-meet-your-cluster/step-1.yaml")).Code.Should().Be(0);
        Kubectl("apply", "-f", Manifest("manifests/120-deployments/step-1.solution.yaml")).Code.Should().Be(0);

        var scaled = Kubectl("scale", "deployment", "vote", "--replicas=2");
        var labelled = Kubectl("label", "namespace", "tutor", "environment=learning");
        var selected = Kubectl("get", "namespaces", "-l", "environment=learning", "-o", "name");
        var serverSide = Kubectl("apply", "--server-side", "-f", Manifest("manifests/120-deployments/step-2.solution.yaml"));
        var replicas = Kubectl("get", "deployment", "vote", "-o", "jsonpath={.spec.replicas}");

        scaled.Code.Should().Be(0, scaled.Error);
        labelled.Code.Should().Be(0, labelled.Error);
        selected.Out.Trim().Should().Be("namespace/tutor");
        serverSide.Code.Should().Be(0, serverSide.Error);
        serverSide.Out.Should().Contain("serverside-applied");
        replicas.Out.Should().Be("3");
    }
}
