using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Api.Admission;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Api;

public class ConcurrentWriteTests
{
    [Fact]
    public async Task Applies_succeed_while_a_controller_writes_status_and_never_undo_its_writes()
    {
        var store = new ObjectStore();
        store.Create(ResourceTypes.Namespace, JsonNode.Parse("""{"metadata":{"name":"demo"}}""")!.AsObject());
        var handler = new ResourceHandler(store, AdmissionChain.Standard(store));
        var path = ResourcePath.Parse("/api/v1/namespaces/demo/configmaps/settings")!;
        handler.Patch(path, "application/apply-patch+yaml", """{"metadata":{"name":"settings"},"data":{"n":"0"}}""", false, "tutor", DateTimeOffset.UtcNow);
        var key = new ObjectKey(ResourceTypes.ConfigMap, "demo", "settings");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var controller = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref written);
                store.Mutate(key, o => { o["metadata"]!["annotations"] = new JsonObject { ["controller"] = n.ToString() }; return true; });
            }
        });

        SpinWait.SpinUntil(() => Volatile.Read(ref written) > 0, TimeSpan.FromSeconds(5)).Should().BeTrue("the controller is writing");
        var before = Volatile.Read(ref written);
        for (var i = 1; i <= 200; i++)
            handler.Patch(path, "application/apply-patch+yaml", "{\"metadata\":{\"name\":\"settings\"},\"data\":{\"n\":\"" + i + "\"}}", false, "tutor", DateTimeOffset.UtcNow);
        await stop.CancelAsync();
        await controller;

        var final = store.Get(key)!;
        written.Should().BeGreaterThan(before, "the controller kept writing while the applies ran");
        final["data"]!["n"]!.GetValue<string>().Should().Be("200");
        final["metadata"]!["annotations"]!["controller"]!.GetValue<string>().Should().Be(written.ToString(), "no apply overwrote the controller's last write");
    }
}
