using System.Text;
using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Store;

/// <summary>The store on disk: what survives a clean stop, a kill between writes and a kill in the middle of one.</summary>
public sealed class StoreJournalTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tutor-journal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static JsonObject ConfigMap(string name, string value) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "demo" },
        ["data"] = new JsonObject { ["k"] = value },
    };

    private static ObjectKey Key(string name) => new(ResourceTypes.ConfigMap, "demo", name);

    [Fact]
    public void A_clean_close_keeps_every_object_and_the_resource_version_goes_on()
    {
        var first = new ObjectStore(journal: new StoreJournal(_dir));
        first.Create(ResourceTypes.ConfigMap, ConfigMap("a", "1"));
        first.Create(ResourceTypes.ConfigMap, ConfigMap("b", "1"));
        first.Mutate(Key("a"), o => { o["data"]!["k"] = "2"; return true; });
        first.Delete(Key("b"));
        var version = first.CurrentVersion;
        first.Close();

        var second = new ObjectStore(journal: new StoreJournal(_dir));
        second.Get(Key("a"))!["data"]!["k"]!.GetValue<string>().Should().Be("2");
        second.Get(Key("b")).Should().BeNull();
        second.CurrentVersion.Should().Be(version);
        var next = second.Create(ResourceTypes.ConfigMap, ConfigMap("c", "1"));
        long.Parse(next["metadata"]!["resourceVersion"]!.GetValue<string>()).Should().BeGreaterThan(version);
    }

    [Fact]
    public void A_kill_between_writes_loses_nothing_that_was_answered()
    {
        var journal = new StoreJournal(_dir);
        var first = new ObjectStore(journal: journal);
        for (var i = 0; i < 20; i++) first.Create(ResourceTypes.ConfigMap, ConfigMap($"cm{i}", "v"));
        // No Close: the journal is only let go, as when the process dies.
        journal.Dispose();

        var second = new ObjectStore(journal: new StoreJournal(_dir));
        second.List(ResourceTypes.ConfigMap).Items.Should().HaveCount(20);
        second.CurrentVersion.Should().Be(first.CurrentVersion);
    }

    [Fact]
    public void A_record_torn_by_a_kill_is_dropped_with_a_message_and_the_rest_recovered()
    {
        var journal = new StoreJournal(_dir);
        var first = new ObjectStore(journal: journal);
        first.Create(ResourceTypes.ConfigMap, ConfigMap("whole", "v"));
        journal.Dispose();
        var path = Path.Combine(_dir, "journal.jsonl");
        var whole = File.ReadAllBytes(path);
        File.AppendAllText(path, "{\"rv\":99999,\"type\":\"v1/configmaps\",\"namespace\":\"demo\",\"name\":\"torn\",\"object\":{\"metad", Encoding.UTF8);

        var messages = new List<string>();
        var second = new ObjectStore(journal: new StoreJournal(_dir, log: messages.Add));

        second.Get(Key("whole")).Should().NotBeNull();
        second.Get(Key("torn")).Should().BeNull();
        messages.Should().ContainSingle().Which.Should().Contain("line 2").And.Contain("not written whole");
        File.ReadAllBytes(path).Should().Equal(whole, "the torn tail is cut so the next record starts on its own line");
        second.Create(ResourceTypes.ConfigMap, ConfigMap("after", "v"));
        second.Close();
        new ObjectStore(journal: new StoreJournal(_dir)).Get(Key("after")).Should().NotBeNull();
    }

    [Fact]
    public void Compaction_folds_the_journal_into_a_snapshot_and_recovery_reads_both()
    {
        var journal = new StoreJournal(_dir, compactEvery: 5);
        var first = new ObjectStore(journal: journal);
        for (var i = 0; i < 12; i++) first.Create(ResourceTypes.ConfigMap, ConfigMap($"cm{i}", "v"));
        journal.Dispose();

        File.Exists(Path.Combine(_dir, "snapshot.json")).Should().BeTrue();
        File.ReadAllLines(Path.Combine(_dir, "journal.jsonl")).Should().HaveCount(2, "12 writes, compacted after the 5th and the 10th");
        File.Exists(Path.Combine(_dir, "snapshot.json.tmp")).Should().BeFalse();
        var second = new ObjectStore(journal: new StoreJournal(_dir));
        second.List(ResourceTypes.ConfigMap).Items.Select(o => o["metadata"]!["name"]!.GetValue<string>())
            .Should().BeEquivalentTo(Enumerable.Range(0, 12).Select(i => $"cm{i}"));
    }
}
