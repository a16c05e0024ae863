using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Store;

/// <summary>
/// The sandbox's etcd: every object as JSON, one global resourceVersion, and a feed of changes.
/// All writes go through here so a watch sees each change exactly once and in order.
/// Objects handed out are deep copies, except those inside <see cref="StoreEvent"/>s, which are shared
/// between subscribers and must not be modified.
/// </summary>
public sealed class ObjectStore
{
    private const int HistoryLimit = 10_000;

    private readonly object _gate = new();
    private readonly Dictionary<ObjectKey, JsonObject> _objects = new();
    private readonly LinkedList<StoreEvent> _history = new();
    private readonly List<StoreSubscription> _subscriptions = new();
    private readonly TimeProvider _clock;
    private readonly StoreJournal? _journal;
    private long _version = 1000;

    /// <param name="journal">Where writes are kept on disk; the store starts from what it recovers. Null: memory only.</param>
    public ObjectStore(TimeProvider? clock = null, StoreJournal? journal = null)
    {
        _clock = clock ?? TimeProvider.System;
        _journal = journal;
        if (journal is null) return;
        var (objects, version) = journal.Recover();
        foreach (var (key, obj) in objects) _objects[key] = obj;
        _version = Math.Max(_version, version);
    }

    /// <summary>True when nothing is stored yet (a new cluster, not one recovered from disk).</summary>
    public bool IsEmpty
    {
        get { lock (_gate) return _objects.Count == 0; }
    }

    /// <summary>Folds the journal into a snapshot and closes it, so the next start reads one file.</summary>
    public void Close()
    {
        if (_journal is null) return;
        lock (_gate)
        {
            _journal.Compact(_objects, _version);
            _journal.Dispose();
        }
    }

    public TimeProvider Clock => _clock;

    /// <summary>The resourceVersion of the latest write (what a list reports as its own version).</summary>
    public long CurrentVersion
    {
        get { lock (_gate) return _version; }
    }

    public JsonObject? Get(ObjectKey key)
    {
        lock (_gate) return _objects.TryGetValue(key, out var o) ? (JsonObject)o.DeepClone() : null;
    }

    /// <summary>All objects of a type, in one namespace (or all when <paramref name="ns"/> is null), sorted by namespace and name.</summary>
    public (IReadOnlyList<JsonObject> Items, long Version) List(ResourceType type, string? ns = null)
    {
        lock (_gate)
        {
            var items = _objects
                .Where(kv => kv.Key.Type == type && (ns is null || kv.Key.Namespace == ns))
                .OrderBy(kv => kv.Key.Namespace, StringComparer.Ordinal).ThenBy(kv => kv.Key.Name, StringComparer.Ordinal)
                .Select(kv => (JsonObject)kv.Value.DeepClone())
                .ToList();
            return (items, _version);
        }
    }

    /// <summary>
    /// Stores a new object. Fills in namespace, uid, creationTimestamp, generation and resourceVersion;
    /// a metadata.generateName without a name gets a random suffix, as the API server does.
    /// </summary>
    public JsonObject Create(ResourceType type, JsonObject obj)
    {
        var stored = (JsonObject)obj.DeepClone();
        var meta = Metadata(stored);
        if (meta["name"] is null && meta["generateName"]?.GetValue<string>() is { } prefix)
            meta["name"] = prefix + RandomSuffix();
        var key = KeyOf(type, stored);
        lock (_gate)
        {
            if (_objects.ContainsKey(key))
                throw new StoreConflictException(StoreConflictReason.AlreadyExists, key, $"{type.Plural} \"{key.Name}\" already exists");
            meta["uid"] = Guid.NewGuid().ToString();
            meta["creationTimestamp"] = Timestamp();
            if (stored["spec"] is not null) meta["generation"] = 1L;
            stored["apiVersion"] = type.ApiVersion;
            stored["kind"] = type.Kind;
            return Commit("ADDED", type, key, stored);
        }
    }

    /// <summary>
    /// Replaces an object. When the given object carries metadata.resourceVersion it must match the stored one.
    /// uid and creationTimestamp are kept; generation moves when spec changes; a write that changes
    /// nothing is not a change (no new resourceVersion, no event), as on a real API server.
    /// </summary>
    public JsonObject Update(ResourceType type, JsonObject obj)
    {
        var stored = (JsonObject)obj.DeepClone();
        var key = KeyOf(type, stored);
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current))
                throw new StoreConflictException(StoreConflictReason.NotFound, key, $"{type.Plural} \"{key.Name}\" not found");
            return UpdateLocked(type, key, current, stored);
        }
    }

    /// <summary>
    /// Reads, changes and writes one object atomically (for controllers and patches). The change returns
    /// false to leave the object as it is. Returns the stored object, or null when it does not exist.
    /// </summary>
    public JsonObject? Mutate(ObjectKey key, Func<JsonObject, bool> change)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current)) return null;
            var copy = (JsonObject)current.DeepClone();
            if (!change(copy)) return (JsonObject)current.DeepClone();
            Metadata(copy).Remove("resourceVersion");
            return UpdateLocked(key.Type, key, current, copy);
        }
    }

    /// <summary>
    /// Runs a read-compute-write as one step: no other write (a controller's included) lands in between, so a
    /// request computed from what it read is never stale. The store's own methods may be called inside.
    /// </summary>
    public T Atomically<T>(Func<T> action)
    {
        lock (_gate) return action();
    }

    /// <summary>Removes an object; returns it as it was (with the deletion's resourceVersion), or null when absent.</summary>
    public JsonObject? Delete(ObjectKey key)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current)) return null;
            var gone = (JsonObject)current.DeepClone();
            _objects.Remove(key);
            _version++;
            Keep(key, null);
            Metadata(gone)["resourceVersion"] = _version.ToString();
            Publish(new StoreEvent("DELETED", key.Type, gone, _version));
            return (JsonObject)gone.DeepClone();
        }
    }

    /// <summary>
    /// Subscribes to changes that pass <paramref name="filter"/>. With <paramref name="sinceVersion"/> the
    /// events after it are replayed first; a version older than the kept history throws <see cref="StoreGoneException"/>.
    /// </summary>
    public StoreSubscription Subscribe(Func<StoreEvent, bool> filter, long? sinceVersion = null)
    {
        lock (_gate)
        {
            var subscription = new StoreSubscription(filter, Unsubscribe);
            if (sinceVersion is { } since && since < _version)
            {
                var oldest = _history.First?.Value.ResourceVersion ?? _version;
                if (since < oldest - 1) throw new StoreGoneException(since, oldest);
                foreach (var e in _history)
                    if (e.ResourceVersion > since) subscription.Publish(e);
            }
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    private void Unsubscribe(StoreSubscription s)
    {
        lock (_gate) _subscriptions.Remove(s);
    }

    private JsonObject UpdateLocked(ResourceType type, ObjectKey key, JsonObject current, JsonObject next)
    {
        var meta = Metadata(next);
        var currentMeta = Metadata(current);
        var givenVersion = meta["resourceVersion"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(givenVersion) && givenVersion != currentMeta["resourceVersion"]?.GetValue<string>())
            throw new StoreConflictException(StoreConflictReason.VersionMismatch, key,
                $"Operation cannot be fulfilled on {type.Plural} \"{key.Name}\": the object has been modified; please apply your changes to the latest version and try again");
        meta["uid"] = currentMeta["uid"]?.DeepClone();
        meta["creationTimestamp"] = currentMeta["creationTimestamp"]?.DeepClone();
        meta["resourceVersion"] = currentMeta["resourceVersion"]?.DeepClone();
        meta["generation"] = currentMeta["generation"]?.DeepClone();
        if (meta["generation"] is null) meta.Remove("generation");
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        if (JsonNode.DeepEquals(current, next)) return (JsonObject)current.DeepClone();
        if (!JsonNode.DeepEquals(current["spec"], next["spec"]))
            meta["generation"] = Generation(currentMeta) + 1;
        return Commit("MODIFIED", type, key, next);
    }

    private JsonObject Commit(string type, ResourceType resource, ObjectKey key, JsonObject stored)
    {
        _version++;
        Metadata(stored)["resourceVersion"] = _version.ToString();
        _objects[key] = stored;
        Keep(key, stored);
        Publish(new StoreEvent(type, resource, (JsonObject)stored.DeepClone(), _version));
        return (JsonObject)stored.DeepClone();
    }

    // Written before the change is published or answered, so whatever a client was told is on disk.
    private void Keep(ObjectKey key, JsonObject? stored)
    {
        if (_journal is null) return;
        _journal.Append(key, stored, _version);
        if (_journal.WantsCompaction) _journal.Compact(_objects, _version);
    }

    private void Publish(StoreEvent e)
    {
        _history.AddLast(e);
        if (_history.Count > HistoryLimit) _history.RemoveFirst();
        foreach (var s in _subscriptions) s.Publish(e);
    }

    private static long Generation(JsonObject meta) => meta["generation"] switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => 0,
    };

    private static ObjectKey KeyOf(ResourceType type, JsonObject obj)
    {
        var meta = Metadata(obj);
        var name = meta["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("metadata.name is required");
        var ns = type.Namespaced ? meta["namespace"]?.GetValue<string>() : null;
        if (type.Namespaced && string.IsNullOrEmpty(ns)) throw new ArgumentException("metadata.namespace is required");
        if (!type.Namespaced) meta.Remove("namespace");
        return new ObjectKey(type, ns ?? "", name);
    }

    private static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta) return meta;
        meta = new JsonObject();
        obj["metadata"] = meta;
        return meta;
    }

    private string Timestamp() => _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        return new string(chars);
    }
}
