using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Store;

public class ObjectStoreTests
{
    private static JsonObject ConfigMap(string name, string value, string? resourceVersion = null)
    {
        var meta = new JsonObject { ["name"] = name, ["namespace"] = "demo" };
        if (resourceVersion is not null) meta["resourceVersion"] = resourceVersion;
        return new JsonObject { ["metadata"] = meta, ["data"] = new JsonObject { ["k"] = value } };
    }

    [Fact]
    public void Create_fills_in_what_the_server_owns_and_refuses_a_second_copy()
    {
        var store = new ObjectStore();
        var created = store.Create(ResourceTypes.ConfigMap, ConfigMap("a", "1"));

        created["metadata"]!["uid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        created["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be(store.CurrentVersion.ToString());
        created["kind"]!.GetValue<string>().Should().Be("ConfigMap");
        var again = () => store.Create(ResourceTypes.ConfigMap, ConfigMap("a", "2"));
        again.Should().Throw<StoreConflictException>().Which.Reason.Should().Be(StoreConflictReason.AlreadyExists);
    }

    [Fact]
    public void An_update_that_changes_nothing_is_not_a_change()
    {
        var store = new ObjectStore();
        store.Create(ResourceTypes.ConfigMap, ConfigMap("a", "1"));
        var version = store.CurrentVersion;
        using var feed = store.Subscribe(_ => true);

        store.Update(ResourceTypes.ConfigMap, ConfigMap("a", "1"));

        store.CurrentVersion.Should().Be(version);
        feed.Events.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void A_stale_resource_version_is_refused()
    {
        var store = new ObjectStore();
        var first = store.Create(ResourceTypes.ConfigMap, ConfigMap("a", "1"));
        store.Update(ResourceTypes.ConfigMap, ConfigMap("a", "2"));

        var stale = () => store.Update(ResourceTypes.ConfigMap, ConfigMap("a", "3", first["metadata"]!["resourceVersion"]!.GetValue<string>()));

        stale.Should().Throw<StoreConflictException>().Which.Reason.Should().Be(StoreConflictReason.VersionMismatch);
    }

    [Fact]
    public void A_subscription_replays_what_happened_after_a_version_in_order()
    {
        var store = new ObjectStore();
        store.Create(ResourceTypes.ConfigMap, ConfigMap("a", "1"));
        var since = store.CurrentVersion;
        store.Update(ResourceTypes.ConfigMap, ConfigMap("a", "2"));
        store.Delete(new ObjectKey(ResourceTypes.ConfigMap, "demo", "a"));

        using var feed = store.Subscribe(_ => true, since);

        feed.Events.TryRead(out var modified).Should().BeTrue();
        modified!.Type.Should().Be("MODIFIED");
        feed.Events.TryRead(out var deleted).Should().BeTrue();
        deleted!.Type.Should().Be("DELETED");
        deleted.ResourceVersion.Should().BeGreaterThan(modified.ResourceVersion);
    }

    [Fact]
    public void Resuming_from_before_the_kept_history_is_gone()
    {
        var store = new ObjectStore();
        for (var i = 0; i < 10_050; i++) store.Mutate(new ObjectKey(ResourceTypes.ConfigMap, "demo", "a"), _ => true);
        store.Create(ResourceTypes.ConfigMap, ConfigMap("a", "0"));
        for (var i = 0; i < 10_050; i++) store.Update(ResourceTypes.ConfigMap, ConfigMap("a", i.ToString()));

        var resume = () => store.Subscribe(_ => true, 1001);

        resume.Should().Throw<StoreGoneException>();
    }

    [Fact]
    public void Generation_moves_only_when_spec_changes()
    {
        var store = new ObjectStore();
        var body = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "demo" }, ["spec"] = new JsonObject { ["replicas"] = 1 } };
        store.Create(ResourceTypes.Deployment, body);
        var key = new ObjectKey(ResourceTypes.Deployment, "demo", "web");

        var statusOnly = store.Mutate(key, d => { d["status"] = new JsonObject { ["replicas"] = 1 }; return true; })!;
        var scaled = store.Mutate(key, d => { d["spec"]!["replicas"] = 3; return true; })!;

        statusOnly["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        scaled["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }
}
