using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Cluster;

public class ContextSafetyTests
{
    [Theory]
    [InlineData("kind-tutor", "https://10.1.2.3:6443")]
    [InlineData("minikube", "https://192.168.49.2:8443")]
    [InlineData("k3d-dev", "https://0.0.0.0:1234")]
    [InlineData("docker-desktop", "https://kubernetes.docker.internal:6443")]
    [InlineData("rancher-desktop", "https://10.0.0.5:6443")]
    [InlineData("tutor-sandbox", "http://10.9.9.9:1")]
    [InlineData("prod", "https://127.0.0.1:6443")]
    [InlineData("prod", "https://127.4.5.6:6443")]
    [InlineData("prod", "https://localhost:6443")]
    [InlineData("prod", "https://[::1]:6443")]
    [InlineData("prod", "https://host.docker.internal:6443")]
    public void Local_contexts_and_loopback_servers_look_local(string context, string server) =>
        ContextSafety.LooksLocal(context, server).Should().BeTrue();

    [Theory]
    [InlineData("gke_project_zone_cluster", "https://34.1.2.3")]
    [InlineData("kind", "https://10.1.2.3:6443")]
    [InlineData("my-kind-cluster", "https://10.1.2.3:6443")]
    [InlineData("prod", "https://localhost.example.com:6443")]
    [InlineData("prod", "https://128.0.0.1:6443")]
    [InlineData("prod", "not a url")]
    [InlineData(null, null)]
    public void Remote_contexts_need_confirmation(string? context, string? server) =>
        ContextSafety.LooksLocal(context, server).Should().BeFalse();
}
