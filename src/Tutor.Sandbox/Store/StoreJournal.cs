using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Store;

/// <summary>
/// Keeps the store on disk: a snapshot (written to a temporary file, flushed, then renamed over the old one, so it
/// is always whole) and a journal of every write since, one JSON line each, flushed to disk before the write is
/// answered. Recovery loads the snapshot and replays the journal; a last line that was only half written (the
/// process killed mid-write) is dropped with a message, and everything before it is kept.
/// </summary>
public sealed class StoreJournal : IDisposable
{
    private const string SnapshotFile = "snapshot.json";
    private const string JournalFile = "journal.jsonl";

    private readonly string _directory;
    private readonly int _compactEvery;
    private readonly Action<string> _log;
    private FileStream? _journal;
    private int _appended;

    /// <param name="compactEvery">Journal records after which the whole state is folded into a new snapshot.</param>
    public StoreJournal(string directory, int compactEvery = 5000, Action<string>? log = null)
    {
        _directory = Path.GetFullPath(directory);
        _compactEvery = Math.Max(1, compactEvery);
        _log = log ?? (_ => { });
        Directory.CreateDirectory(_directory);
    }

    private string SnapshotPath => Path.Combine(_directory, SnapshotFile);

    private string JournalPath => Path.Combine(_directory, JournalFile);

    /// <summary>Reads what was kept: every object by key and the last resourceVersion written.</summary>
    public (Dictionary<ObjectKey, JsonObject> Objects, long Version) Recover()
    {
        var objects = new Dictionary<ObjectKey, JsonObject>();
        long version = 0;
        if (File.Exists(SnapshotPath))
        {
            var snapshot = JsonNode.Parse(File.ReadAllText(SnapshotPath)) as JsonObject
                ?? throw new InvalidDataException($"{SnapshotPath} is not a JSON object");
            version = snapshot["resourceVersion"]!.GetValue<long>();
            foreach (var entry in snapshot["objects"]!.AsArray().OfType<JsonObject>())
                if (Read(entry) is { } record) objects[record.Key] = record.Object!;
        }

        var replayed = 0;
        if (File.Exists(JournalPath))
        {
            var bytes = File.ReadAllBytes(JournalPath);
            var good = 0;
            var line = 1;
            while (good < bytes.Length)
            {
                var end = Array.IndexOf(bytes, (byte)'\n', good);
                var record = end < 0 ? null : TryParse(bytes.AsSpan(good, end - good));
                if (record is null)
                {
                    _log($"Sandbox data: the journal's record at line {line} was not written whole (the sandbox was stopped mid-write); "
                         + $"it and the {bytes.Length - good} byte(s) after it are ignored, every record before it is kept.");
                    break;
                }

                if (record.Version > version)
                {
                    if (record.Object is null) objects.Remove(record.Key);
                    else objects[record.Key] = record.Object;
                    version = record.Version;
                    replayed++;
                }

                good = end + 1;
                line++;
            }

            if (good < bytes.Length)
            {
                // Cut the torn tail so the next record starts on a line of its own.
                using var cut = new FileStream(JournalPath, FileMode.Open, FileAccess.Write);
                cut.SetLength(good);
                cut.Flush(true);
            }
        }

        _appended = replayed;
        return (objects, version);
    }

    /// <summary>Records that <paramref name="obj"/> is now stored at <paramref name="version"/> (null: deleted). Durable on return.</summary>
    public void Append(ObjectKey key, JsonObject? obj, long version)
    {
        var record = new JsonObject
        {
            ["rv"] = version,
            ["type"] = TypeName(key.Type),
            ["namespace"] = key.Namespace,
            ["name"] = key.Name,
        };
        if (obj is not null) record["object"] = obj.DeepClone();
        var bytes = Encoding.UTF8.GetBytes(record.ToJsonString() + "\n");
        _journal ??= new FileStream(JournalPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        _journal.Write(bytes);
        _journal.Flush(true);
        _appended++;
    }

    /// <summary>True when the journal has grown enough that <see cref="Compact"/> should run.</summary>
    public bool WantsCompaction => _appended >= _compactEvery;

    /// <summary>Writes the whole state as the new snapshot, then empties the journal it replaces.</summary>
    public void Compact(IEnumerable<KeyValuePair<ObjectKey, JsonObject>> objects, long version)
    {
        var snapshot = new JsonObject
        {
            ["resourceVersion"] = version,
            ["objects"] = new JsonArray(objects.Select(kv => (JsonNode)new JsonObject
            {
                ["type"] = TypeName(kv.Key.Type),
                ["namespace"] = kv.Key.Namespace,
                ["name"] = kv.Key.Name,
                ["object"] = kv.Value.DeepClone(),
            }).ToArray()),
        };
        var temporary = SnapshotPath + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            using (var writer = new Utf8JsonWriter(file)) snapshot.WriteTo(writer);
            file.Flush(true);
        }

        File.Move(temporary, SnapshotPath, overwrite: true);
        // A crash here leaves journal records the snapshot already holds; recovery skips them by resourceVersion.
        _journal?.Dispose();
        _journal = new FileStream(JournalPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        _journal.Flush(true);
        _appended = 0;
    }

    public void Dispose()
    {
        _journal?.Dispose();
        _journal = null;
    }

    private static string TypeName(ResourceType type) => $"{type.GroupVersion}/{type.Plural}";

    private static ResourceType? FindType(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 ? null : ResourceTypes.All.FirstOrDefault(t => t.GroupVersion == name[..slash] && t.Plural == name[(slash + 1)..]);
    }

    private static JournalRecord? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject o && o["rv"] is not null ? Read(o) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JournalRecord? Read(JsonObject entry)
    {
        if (FindType(entry["type"]?.GetValue<string>() ?? "") is not { } type) return null;
        var key = new ObjectKey(type, entry["namespace"]?.GetValue<string>() ?? "", entry["name"]?.GetValue<string>() ?? "");
        var obj = entry["object"] as JsonObject;
        entry.Remove("object");
        return new JournalRecord(key, obj, entry["rv"]?.GetValue<long>() ?? 0);
    }

    private sealed record JournalRecord(ObjectKey Key, JsonObject? Object, long Version);
}
