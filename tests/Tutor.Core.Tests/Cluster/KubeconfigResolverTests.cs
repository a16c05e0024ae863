using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Cluster;

public sealed class KubeconfigResolverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tutor-kubeconfig-").FullName;
    private readonly Dictionary<string, string?> _env = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private KubeconfigResolver Resolver(string? home = null) => new(name => _env.GetValueOrDefault(name), home ?? Path.Combine(_dir, "home"));

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Config(string current, params (string Name, string Server, string? Namespace)[] contexts) =>
        $"""
        apiVersion: v1
        kind: Config
        current-context: {current}
        clusters:
        {string.Concat(contexts.Select(c => $"- name: {c.Name}\n  cluster:\n    server: {c.Server}\n"))}
        users:
        {string.Concat(contexts.Select(c => $"- name: {c.Name}\n  user:\n    token: token-{c.Name}\n"))}
        contexts:
        {string.Concat(contexts.Select(c => $"- name: {c.Name}\n  context:\n    cluster: {c.Name}\n    user: {c.Name}\n" + (c.Namespace is null ? "" : $"    namespace: {c.Namespace}\n")))}
        """;

    [Fact]
    public void Nothing_configured_is_its_own_outcome()
    {
        var result = Resolver().Resolve(new KubeconfigOptions());

        result.Status.Should().Be(KubeconfigResolutionStatus.NotConfigured);
        result.Target.Should().BeNull();
        result.Message.Should().Contain("no cluster configured");
    }

    [Fact]
    public void A_context_namespace_of_default_still_gives_the_tutor_namespace()
    {
        Write("home/.kube/config", Config("minikube", ("minikube", "https://192.168.49.2:8443", "default")));

        var result = Resolver().Resolve(new KubeconfigOptions());

        result.Target!.Namespace.Should().Be("tutor");
    }

    [Fact]
    public void Home_config_is_used_when_nothing_else_is_set()
    {
        Write("home/.kube/config", Config("kind-tutor", ("kind-tutor", "https://127.0.0.1:6443", null)));

        var result = Resolver().Resolve(new KubeconfigOptions());

        result.Status.Should().Be(KubeconfigResolutionStatus.Resolved);
        result.Target!.ContextName.Should().Be("kind-tutor");
        result.Target.ServerUrl.Should().Be("https://127.0.0.1:6443");
        result.Target.Namespace.Should().Be("tutor");
        result.Target.Source.Should().Be("~/.kube/config");
        result.Target.LooksLocal.Should().BeTrue();
        result.Target.Configuration.AccessToken.Should().Be("token-kind-tutor");
    }

    [Fact]
    public void Kubeconfig_flag_wins_over_environment_and_home()
    {
        Write("home/.kube/config", Config("home", ("home", "https://10.0.0.1", null)));
        _env["KUBECONFIG"] = Write("env.yaml", Config("env", ("env", "https://10.0.0.2", null)));
        var flag = Write("flag.yaml", Config("flag", ("flag", "https://10.0.0.3", null)));

        var result = Resolver().Resolve(new KubeconfigOptions { KubeconfigPath = flag });

        result.Target!.ContextName.Should().Be("flag");
        result.Target.Source.Should().Contain(flag);
        result.Target.LooksLocal.Should().BeFalse();
    }

    [Fact]
    public void Kubeconfig_variable_merges_files_and_the_first_wins()
    {
        var first = Write("a.yaml", Config("shared", ("shared", "https://10.0.0.1", "ns-a")));
        var second = Write("b.yaml", Config("other", ("shared", "https://10.9.9.9", "ns-b"), ("other", "https://10.0.0.2", "ns-other")));
        _env["KUBECONFIG"] = $"{first}{Path.PathSeparator}{Path.Combine(_dir, "missing.yaml")}{Path.PathSeparator}{second}";

        var shared = Resolver().Resolve(new KubeconfigOptions());
        var other = Resolver().Resolve(new KubeconfigOptions { Context = "other" });

        shared.Target!.ContextName.Should().Be("shared", "the first file's current-context wins");
        shared.Target.ServerUrl.Should().Be("https://10.0.0.1", "the first file's entry of a name wins");
        shared.Target.Namespace.Should().Be("ns-a");
        other.Target!.ServerUrl.Should().Be("https://10.0.0.2", "names only in a later file are still merged in");
        other.Target.Namespace.Should().Be("ns-other");
    }

    [Fact]
    public void Namespace_flag_overrides_the_context_namespace()
    {
        var file = Write("c.yaml", Config("c", ("c", "https://10.0.0.1", "from-context")));

        var result = Resolver().Resolve(new KubeconfigOptions { KubeconfigPath = file, Namespace = "tutor-ana" });

        result.Target!.Namespace.Should().Be("tutor-ana");
        result.Target.Configuration.Namespace.Should().Be("tutor-ana");
    }

    [Fact]
    public void Unknown_context_lists_the_known_ones()
    {
        var file = Write("c.yaml", Config("one", ("one", "https://10.0.0.1", null), ("two", "https://10.0.0.2", null)));

        var result = Resolver().Resolve(new KubeconfigOptions { KubeconfigPath = file, Context = "three" });

        result.Status.Should().Be(KubeconfigResolutionStatus.Invalid);
        result.Message.Should().Contain("\"three\"").And.Contain("one, two").And.Contain(file);
    }

    [Fact]
    public void Missing_flag_file_is_an_error_naming_it()
    {
        var missing = Path.Combine(_dir, "nope.yaml");

        var result = Resolver().Resolve(new KubeconfigOptions { KubeconfigPath = missing });

        result.Status.Should().Be(KubeconfigResolutionStatus.Invalid);
        result.Message.Should().Contain(missing).And.Contain("does not exist");
    }

    [Fact]
    public void Kubeconfig_variable_naming_only_missing_files_means_not_configured()
    {
        _env["KUBECONFIG"] = Path.Combine(_dir, "gone.yaml");
        Write("home/.kube/config", Config("home", ("home", "https://10.0.0.1", null)));

        var result = Resolver().Resolve(new KubeconfigOptions());

        result.Status.Should().Be(KubeconfigResolutionStatus.NotConfigured, "like kubectl, KUBECONFIG replaces ~/.kube/config even when its files are missing");
        result.Message.Should().Contain("gone.yaml");
    }

    [Fact]
    public void Broken_file_is_an_error_naming_the_file()
    {
        var file = Write("broken.yaml", "apiVersion: v1\nkind: Config\nclusters: [ {name: x, cluster: {server: ");

        var result = Resolver().Resolve(new KubeconfigOptions { KubeconfigPath = file });

        result.Status.Should().Be(KubeconfigResolutionStatus.Invalid);
        result.Message.Should().StartWith(file);
    }

    [Fact]
    public void Context_pointing_at_a_missing_cluster_is_an_error()
    {
        var file = Write("c.yaml", """
            apiVersion: v1
            kind: Config
            current-context: lost
            clusters: []
            users: []
            contexts:
            - name: lost
              context:
                cluster: nowhere
            """);

        var result = Resolver().Resolve(new KubeconfigOptions { KubeconfigPath = file });

        result.Status.Should().Be(KubeconfigResolutionStatus.Invalid);
        result.Message.Should().Contain("lost");
    }
}
