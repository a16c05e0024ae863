using Tutor.Sandbox;

namespace Tutor.Tests.Kubectl;

/// <summary>
/// kubectl's own field validation against the sandbox: a misspelt field is refused by default and only warned
/// of with --validate=warn, as on a real cluster; an invalid change is answered with the API server's message.
/// Skipped, with the reason, without kubectl 1.28 or newer.
/// </summary>
public sealed class KubectlValidationTests : IAsyncLifetime
{
    private const string Misspelt = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vote
        spec:
          selector:
            matchLabels: {app: vote}
          template:
            metadata:
              labels: {app: vote}
            spec:
              contianers:
              - name: vote
                image: vote:v1
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tutor-kubectl-validate-" + Guid.NewGuid().ToString("N")[..8]);
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

    private (int Code, string Out, string Error) Kubectl(params string[] args) =>
        KubectlSandbox.Run(_kubeconfig, null, ["--cache-dir", Path.Combine(_dir, "cache"), "-n", "default", .. args]);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [SkippableFact]
    public void A_misspelt_field_is_refused_by_default_and_warned_of_with_validate_warn()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        var file = Write("vote.yaml", Misspelt);

        var strict = Kubectl("apply", "-f", file);
        var warned = Kubectl("apply", "--validate=warn", "-f", file);

        strict.Code.Should().NotBe(0);
        strict.Error.Should().Contain("strict decoding error: unknown field \"spec.template.spec.contianers\"");
        // Dropping the field leaves no containers, which the server then refuses as any API server would.
        warned.Error.Should().Contain("Warning: unknown field \"spec.template.spec.contianers\"");
        warned.Error.Should().Contain("spec.template.spec.containers: Required value");
    }

    [SkippableFact]
    public void Changing_a_deployments_selector_is_refused_with_the_field_named()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        var fixedUp = Misspelt.Replace("contianers", "containers");
        Kubectl("apply", "-f", Write("vote.yaml", fixedUp)).Code.Should().Be(0);

        var changed = Kubectl("apply", "-f", Write("vote2.yaml", fixedUp.Replace("app: vote}", "app: vote2}")));

        changed.Code.Should().NotBe(0);
        changed.Error.Should().Contain("The Deployment \"vote\" is invalid: spec.selector: Invalid value:").And.Contain("field is immutable");
    }
}
