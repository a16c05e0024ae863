using System.Text.Json.Nodes;
using k8s;
using Tutor.Core.Cluster;
using Tutor.Sandbox;

namespace Tutor.Tests.Cluster;

/// <summary>A sandbox started for one test, with a connection to it and a fresh learner namespace name.</summary>
internal sealed class SandboxCluster : IAsyncDisposable
{
    private SandboxCluster(SandboxServer server, ClusterConnection connection)
    {
        Server = server;
        Connection = connection;
    }

    public SandboxServer Server { get; }

    public ClusterConnection Connection { get; }

    public string LearnerNamespace { get; } = $"tutor-{Guid.NewGuid():N}"[..16];

    public static async Task<SandboxCluster> StartAsync(TimeSpan? podStartDelay = null, int port = 0)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = podStartDelay ?? TimeSpan.FromMilliseconds(300), Port = port });
        return new SandboxCluster(server, Connect(server));
    }

    /// <summary>A connection to <paramref name="server"/>, optionally through another address (a relay) or with another token.</summary>
    public static ClusterConnection Connect(SandboxServer server, Uri? url = null, string? token = null) =>
        new(Tutor.Engine.SandboxClient.Configuration(server, url, token));

    /// <summary>A connection to an address where no sandbox listens.</summary>
    public static ClusterConnection Nowhere(Uri url) => new(new KubernetesClientConfiguration { Host = url.ToString(), AccessToken = "x" });

    /// <summary>Reads an object straight from the API (null when it does not exist), to check what the code under test did.</summary>
    public async Task<JsonObject?> GetAsync(string path)
    {
        try
        {
            return await Connection.GetJsonAsync(path, $"read {path}", CancellationToken.None) as JsonObject;
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.NotFound)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
    }
}
