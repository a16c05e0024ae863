using System.Net;
using k8s;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Cluster;

/// <summary>The watcher's list/watch protocol against a scripted server: resume points, 410 Gone, re-list.</summary>
public class SnapshotWatcherProtocolTests
{
    private static readonly ResourceKind Pod = new("v1", "Pod");

    private const string Discovery = """{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"pods","namespaced":true,"kind":"Pod","verbs":["list","watch"]}]}""";

    private static string PodJson(string name, string rv) =>
        "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"tutor\",\"resourceVersion\":\"" + rv + "\"}}";

    private static string List(string rv, params string[] pods) =>
        "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"" + rv + "\"},\"items\":[" + string.Join(",", pods) + "]}";

    private static string Event(string type, string obj) => "{\"type\":\"" + type + "\",\"object\":" + obj + "}";

    [Fact]
    public async Task A_watch_that_ends_is_resumed_from_the_last_resource_version()
    {
        await using var server = new ScriptedApiServer(async (request, response, stop) =>
        {
            var query = request.Url!.Query;
            switch (request.Url.AbsolutePath)
            {
                case "/api/v1":
                    await ScriptedApiServer.WriteAsync(response, Discovery);
                    break;
                case "/api/v1/namespaces/tutor/pods" when !query.Contains("watch=true"):
                    await ScriptedApiServer.WriteAsync(response, List("10", PodJson("a", "10")));
                    break;
                case "/api/v1/namespaces/tutor/pods" when query.Contains("resourceVersion=10&"):
                    // One change, then the server ends the watch (as on its timeout).
                    await ScriptedApiServer.StreamAsync(response, [Event("ADDED", PodJson("b", "11"))], holdOpen: false, stop);
                    break;
                default:
                    await ScriptedApiServer.StreamAsync(response, [Event("MODIFIED", PodJson("b", "12"))], holdOpen: true, stop);
                    break;
            }
        });
        using var connection = new ClusterConnection(new KubernetesClientConfiguration { Host = server.Url.ToString() });
        await using var watcher = new SnapshotWatcher(connection, [Pod], "tutor");

        var seen = await FirstAsync(watcher, s => s.Get(Pod, "b")?["metadata"]?["resourceVersion"]?.GetValue<string>() == "12");

        seen.List(Pod).Select(p => p["metadata"]!["name"]!.GetValue<string>()).Should().Equal("a", "b");
        var watches = server.Requests.Where(r => r.Contains("watch=true")).ToList();
        watches.Should().HaveCount(2);
        watches[0].Should().Contain("resourceVersion=10");
        watches[1].Should().Contain("resourceVersion=11", "the second watch resumes where the first stopped, without a new LIST");
        server.Requests.Count(r => r.StartsWith("/api/v1/namespaces/tutor/pods") && !r.Contains("watch=true")).Should().Be(1);
    }

    [Fact]
    public async Task Gone_during_a_watch_makes_the_watcher_list_again()
    {
        var lists = 0;
        await using var server = new ScriptedApiServer(async (request, response, stop) =>
        {
            var query = request.Url!.Query;
            switch (request.Url.AbsolutePath)
            {
                case "/api/v1":
                    await ScriptedApiServer.WriteAsync(response, Discovery);
                    break;
                case "/api/v1/namespaces/tutor/pods" when !query.Contains("watch=true"):
                    var first = Interlocked.Increment(ref lists) == 1;
                    await ScriptedApiServer.WriteAsync(response, first ? List("5", PodJson("old", "5")) : List("50", PodJson("new", "50")));
                    break;
                case "/api/v1/namespaces/tutor/pods" when query.Contains("resourceVersion=5&"):
                    await ScriptedApiServer.StreamAsync(response,
                        [Event("ERROR", """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410,"message":"too old resource version: 5 (40)"}""")],
                        holdOpen: true, stop);
                    break;
                default:
                    await ScriptedApiServer.StreamAsync(response, [], holdOpen: true, stop);
                    break;
            }
        });
        using var connection = new ClusterConnection(new KubernetesClientConfiguration { Host = server.Url.ToString() });
        await using var watcher = new SnapshotWatcher(connection, [Pod], "tutor");

        var seen = await FirstAsync(watcher, s => s.Get(Pod, "new") is not null);

        seen.Get(Pod, "old").Should().BeNull("the re-list replaces what the watcher held");
        lists.Should().Be(2);
        server.Requests.Last(r => r.Contains("watch=true")).Should().Contain("resourceVersion=50");
    }

    [Fact]
    public async Task Http_410_on_the_watch_request_also_relists()
    {
        var lists = 0;
        await using var server = new ScriptedApiServer(async (request, response, stop) =>
        {
            var query = request.Url!.Query;
            switch (request.Url.AbsolutePath)
            {
                case "/api/v1":
                    await ScriptedApiServer.WriteAsync(response, Discovery);
                    break;
                case "/api/v1/namespaces/tutor/pods" when !query.Contains("watch=true"):
                    var n = Interlocked.Increment(ref lists);
                    await ScriptedApiServer.WriteAsync(response, List(n == 1 ? "1" : "2", PodJson(n == 1 ? "x" : "y", "1")));
                    break;
                case "/api/v1/namespaces/tutor/pods" when query.Contains("resourceVersion=1&"):
                    await ScriptedApiServer.WriteAsync(response, """{"kind":"Status","code":410,"reason":"Gone","message":"gone"}""", 410);
                    break;
                default:
                    await ScriptedApiServer.StreamAsync(response, [], holdOpen: true, stop);
                    break;
            }
        });
        using var connection = new ClusterConnection(new KubernetesClientConfiguration { Host = server.Url.ToString() });
        await using var watcher = new SnapshotWatcher(connection, [Pod], "tutor");

        var seen = await FirstAsync(watcher, s => s.Get(Pod, "y") is not null);

        seen.Reachable.Should().BeTrue();
        lists.Should().Be(2);
    }

    [Fact]
    public async Task Bursts_of_changes_are_coalesced_into_few_snapshots()
    {
        var events = Enumerable.Range(1, 50).Select(i => Event("ADDED", PodJson($"p{i:00}", $"{100 + i}"))).ToList();
        await using var server = new ScriptedApiServer(async (request, response, stop) =>
        {
            var query = request.Url!.Query;
            if (request.Url.AbsolutePath == "/api/v1") await ScriptedApiServer.WriteAsync(response, Discovery);
            else if (!query.Contains("watch=true")) await ScriptedApiServer.WriteAsync(response, List("100"));
            else await ScriptedApiServer.StreamAsync(response, query.Contains("resourceVersion=100&") ? events : [], holdOpen: true, stop);
        });
        using var connection = new ClusterConnection(new KubernetesClientConfiguration { Host = server.Url.ToString() });
        await using var watcher = new SnapshotWatcher(connection, [Pod], "tutor", new SnapshotWatcherOptions { CoalesceDelay = TimeSpan.FromMilliseconds(100) });
        var published = 0;
        watcher.SnapshotChanged += _ => Interlocked.Increment(ref published);

        var all = await FirstAsync(watcher, s => s.List(Pod).Count == 50);
        await Task.Delay(300);

        all.List(Pod).Should().HaveCount(50);
        published.Should().BeLessThan(10, "fifty events sent together are published as a handful of snapshots");
    }

    private static async Task<ClusterSnapshot> FirstAsync(SnapshotWatcher watcher, Func<ClusterSnapshot, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var snapshot in watcher.ReadAllAsync(timeout.Token))
        {
            if (predicate(snapshot)) return snapshot;
        }

        throw new TimeoutException();
    }
}
