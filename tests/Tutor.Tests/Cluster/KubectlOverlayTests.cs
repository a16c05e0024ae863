using Tutor.Core.Cluster;
using Tutor.Tests.Support;

namespace Tutor.Tests.Cluster;

/// <summary>The overlay the screen's commands run with: real kubectl reads the context Tutor chose and the learner's namespace.</summary>
public sealed class KubectlOverlayTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tutor-overlay-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Kubectl_uses_the_chosen_context_and_the_learners_namespace_and_the_learners_file_is_untouched()
    {
        var own = Path.Combine(_folder.FullName, "config");
        const string kubeconfig = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: kind-tutor
              cluster: { server: "https://127.0.0.1:6443" }
            - name: prod
              cluster: { server: "https://prod.example:6443" }
            users:
            - name: kind-tutor
              user: { token: abc }
            - name: prod
              user: { token: def }
            contexts:
            - name: kind-tutor
              context: { cluster: kind-tutor, user: kind-tutor }
            - name: prod
              context: { cluster: prod, user: prod, namespace: default }
            current-context: prod
            """;
        File.WriteAllText(own, kubeconfig);
        var target = new KubeconfigResolver(_ => null, null)
            .Resolve(new KubeconfigOptions { KubeconfigPath = own, Context = "kind-tutor", Namespace = "tutor-me" }).Target!;
        var overlay = Path.Combine(_folder.FullName, "overlay");
        File.WriteAllText(overlay, KubectlOverlay.Yaml(target.Kubeconfig!.Cluster, target.Kubeconfig.User, target.Namespace));

        var view = Kubectl(KubectlOverlay.KubeconfigVariable(overlay, target.Kubeconfig),
            "config", "view", "--minify", "-o", "jsonpath={.clusters[0].name} {.contexts[0].context.namespace} {.users[0].name}");

        view.Should().Be("kind-tutor tutor-me kind-tutor");
        File.ReadAllText(own).Should().Be(kubeconfig);
    }

    private static string Kubectl(string kubeconfig, params string[] arguments)
    {
        var (code, output, error) = ChildProcess.Run("kubectl", arguments, new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig });
        code.Should().Be(0, error);
        return output.Trim();
    }
}
