using k8s;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using static Tutor.Tests.Cluster.Objects;

namespace Tutor.Tests.Cluster;

public class SnapshotWatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly SnapshotWatcherOptions FastRetry = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(200),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
    };

    [Fact]
    public async Task Watcher_publishes_a_snapshot_when_a_pod_becomes_ready()
    {
        await using var cluster = await SandboxCluster.StartAsync(podStartDelay: TimeSpan.FromMilliseconds(500));
        var ns = cluster.LearnerNamespace;
        await using var watcher = new SnapshotWatcher(cluster.Connection, [Pod, Namespace], ns);
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new List<ClusterSnapshot>();

        await foreach (var snapshot in watcher.ReadAllAsync(timeout.Token))
        {
            seen.Add(snapshot);
            if (seen.Count == 1)
            {
                snapshot.Reachable.Should().BeTrue();
                snapshot.List(Pod).Should().BeEmpty();
                (await new ManifestApplier(cluster.Connection).ApplyAsync([PodOf("web")], ns)).Errors.Should().BeEmpty();
            }

            if (IsReady(snapshot.Get(Pod, "web"))) break;
        }

        var last = seen[^1];
        IsReady(last.Get(Pod, "web")).Should().BeTrue();
        last.Get(Namespace, ns).Should().NotBeNull("cluster-scoped kinds are watched cluster-wide");
        last.Get(Pod, "web")!["kind"]!.GetValue<string>().Should().Be("Pod");
        seen.Should().Contain(s => s.Get(Pod, "web") != null && !IsReady(s.Get(Pod, "web")), "the pod was seen before it was ready");
    }

    [Fact]
    public async Task Idle_watcher_makes_no_requests()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        (await new ManifestApplier(cluster.Connection).ApplyAsync([ConfigMapOf("a")], ns)).Ok.Should().BeTrue();
        await using var watcher = new SnapshotWatcher(cluster.Connection, [ConfigMap, Pod, Deployment, Namespace], ns);
        var first = await FirstAsync(watcher, s => s.Reachable);
        first.Get(ConfigMap, "a").Should().NotBeNull();
        await Task.Delay(300); // let the watch requests arrive

        var before = cluster.Server.RequestCount;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = cluster.Server.RequestCount;

        after.Should().Be(before, "an idle watcher only holds its watch connections open");
    }

    [Fact]
    public async Task Watcher_sees_deletions()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        (await new ManifestApplier(cluster.Connection).ApplyAsync([ConfigMapOf("a"), ConfigMapOf("b")], ns)).Ok.Should().BeTrue();
        await using var watcher = new SnapshotWatcher(cluster.Connection, [ConfigMap], ns);
        await FirstAsync(watcher, s => s.Get(ConfigMap, "b") != null);

        await cluster.Connection.Client.CoreV1.DeleteNamespacedConfigMapAsync("b", ns);
        var after = await FirstAsync(watcher, s => s.Get(ConfigMap, "b") == null);

        after.Get(ConfigMap, "a").Should().NotBeNull();
    }

    [Fact]
    public async Task Unreachable_cluster_publishes_unreachable_with_the_reason()
    {
        var port = FreePort();
        using var connection = SandboxCluster.Nowhere(new Uri($"https://127.0.0.1:{port}"));
        await using var watcher = new SnapshotWatcher(connection, [ConfigMap], "tutor", FastRetry);

        var down = await FirstAsync(watcher, _ => true);

        down.Reachable.Should().BeFalse();
        watcher.LastError.Should().Be($"cannot reach https://127.0.0.1:{port} (connection refused)");
    }

    [Fact]
    public async Task Watcher_recovers_without_restart_when_the_cluster_comes_back()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        await using var relay = new TcpRelay(cluster.Server.Url);
        relay.Start();
        using var connection = SandboxCluster.Connect(cluster.Server, relay.Url);
        await using var watcher = new SnapshotWatcher(connection, [ConfigMap], ns, FastRetry);
        var snapshots = new List<ClusterSnapshot>();
        watcher.SnapshotChanged += s => { lock (snapshots) snapshots.Add(s); };
        await FirstAsync(watcher, s => s.Reachable);

        relay.Cut();
        await WaitUntilAsync(() => { lock (snapshots) return snapshots.Count > 0 && !snapshots[^1].Reachable; });
        // Changed while the watcher could not see: only a fresh LIST after recovery shows it.
        (await new ManifestApplier(cluster.Connection).ApplyAsync([ConfigMapOf("made-while-away")], ns)).Ok.Should().BeTrue();
        relay.Start();

        var back = await FirstAsync(watcher, s => s.Reachable);
        back.Get(ConfigMap, "made-while-away").Should().NotBeNull();
        watcher.LastError.Should().BeNull();
    }

    [Fact]
    public async Task Snapshot_reader_lists_once_and_reports_unreachable()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        (await new ManifestApplier(cluster.Connection).ApplyAsync([ConfigMapOf("a"), DeploymentOf("vote", 1)], ns)).Ok.Should().BeTrue();

        var snapshot = await SnapshotReader.ReadAsync(cluster.Connection, [ConfigMap, Deployment, new ResourceKind("example.com/v1", "Widget")], ns);
        using var nowhere = SandboxCluster.Nowhere(new Uri($"https://127.0.0.1:{FreePort()}"));
        var unreachable = await SnapshotReader.ReadAsync(nowhere, [ConfigMap], ns);

        snapshot.Reachable.Should().BeTrue();
        snapshot.Get(ConfigMap, "a").Should().NotBeNull();
        snapshot.Get(Deployment, "vote")!["apiVersion"]!.GetValue<string>().Should().Be("apps/v1");
        snapshot.List(new ResourceKind("example.com/v1", "Widget")).Should().BeEmpty();
        unreachable.Reachable.Should().BeFalse();
    }

    private static bool IsReady(JsonObject? pod) =>
        pod?["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");

    private static async Task<ClusterSnapshot> FirstAsync(SnapshotWatcher watcher, Func<ClusterSnapshot, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (var snapshot in watcher.ReadAllAsync(timeout.Token))
        {
            if (predicate(snapshot)) return snapshot;
        }

        throw new TimeoutException("no matching snapshot");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
