using System.Net;
using System.Net.Sockets;
using Tutor.Core.Cluster;

namespace Tutor.Tests.Cluster;

public class ClusterProbeTests
{
    [Fact]
    public async Task Sandbox_answers_and_the_learner_may_read_the_namespace()
    {
        await using var cluster = await SandboxCluster.StartAsync();

        var result = await ClusterProbe.ProbeAsync(cluster.Connection, "tutor");

        result.Status.Should().Be(ProbeStatus.Reachable, result.Message);
        result.ServerVersion.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Wrong_token_is_reported_as_refused_credentials()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        using var connection = SandboxCluster.Connect(cluster.Server, token: "not-the-token");

        var result = await ClusterProbe.ProbeAsync(connection, "tutor");

        result.Status.Should().Be(ProbeStatus.Unauthorized);
        result.Message.Should().Contain("refused your credentials");
    }

    [Fact]
    public async Task Nothing_listening_is_reported_as_unreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var connection = SandboxCluster.Nowhere(new Uri($"https://127.0.0.1:{port}"));

        var result = await ClusterProbe.ProbeAsync(connection);

        result.Status.Should().Be(ProbeStatus.Unreachable);
        result.Message.Should().Be($"cannot reach https://127.0.0.1:{port} (connection refused)");
    }

    [Fact]
    public async Task Sandbox_kubeconfig_resolves_to_a_local_target_that_answers()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("tutor-kc-").FullName, "config");
        await File.WriteAllTextAsync(file, cluster.Server.Kubeconfig("tutor-sandbox"));
        try
        {
            var resolution = new KubeconfigResolver(_ => null, null).Resolve(new KubeconfigOptions { KubeconfigPath = file, Namespace = "tutor-me" });

            resolution.Status.Should().Be(KubeconfigResolutionStatus.Resolved, resolution.Message);
            resolution.Target!.LooksLocal.Should().BeTrue();
            resolution.Target.Namespace.Should().Be("tutor-me");
            using var connection = ClusterConnection.Open(resolution.Target);
            (await ClusterProbe.ProbeAsync(connection, "tutor-me")).Ok.Should().BeTrue();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
