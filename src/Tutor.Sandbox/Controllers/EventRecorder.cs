using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Writes v1 Events the way kubelet and controllers do, so <c>kubectl describe</c> and the diagnosis can tell
/// the story. A repeat of the same reason and message bumps the count instead of adding an object.
/// </summary>
public sealed class EventRecorder(ObjectStore store)
{
    private readonly Dictionary<(string Uid, string Reason, string Message), string> _names = new();

    public void Normal(JsonObject involved, string reason, string message, string component) => Record(involved, "Normal", reason, message, component);

    public void Warning(JsonObject involved, string reason, string message, string component) => Record(involved, "Warning", reason, message, component);

    private void Record(JsonObject involved, string type, string reason, string message, string component)
    {
        var meta = involved["metadata"]!;
        var uid = meta["uid"]?.GetValue<string>() ?? "";
        var ns = meta["namespace"]?.GetValue<string>() ?? "default";
        var name = meta["name"]?.GetValue<string>() ?? "";
        var now = store.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        lock (_names)
        {
            if (_names.TryGetValue((uid, reason, message), out var existing))
            {
                var bumped = store.Mutate(new ObjectKey(ResourceTypes.Event, ns, existing), e =>
                {
                    e["count"] = Meta.Int(e["count"], 1) + 1;
                    e["lastTimestamp"] = now;
                    return true;
                });
                if (bumped is not null) return;
            }

            var eventName = $"{name}.{Random.Shared.NextInt64():x16}"[..Math.Min(name.Length + 17, 253)];
            try
            {
                store.Create(ResourceTypes.Event, new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = eventName, ["namespace"] = ns },
                    ["involvedObject"] = new JsonObject
                    {
                        ["apiVersion"] = involved["apiVersion"]?.DeepClone(),
                        ["kind"] = involved["kind"]?.DeepClone(),
                        ["name"] = name,
                        ["namespace"] = ns,
                        ["uid"] = uid,
                        ["resourceVersion"] = meta["resourceVersion"]?.DeepClone(),
                    },
                    ["reason"] = reason,
                    ["message"] = message,
                    ["type"] = type,
                    ["count"] = 1,
                    ["firstTimestamp"] = now,
                    ["lastTimestamp"] = now,
                    ["source"] = new JsonObject { ["component"] = component },
                    ["reportingComponent"] = component,
                });
                _names[(uid, reason, message)] = eventName;
            }
            catch (StoreConflictException)
            {
                // The namespace is going away or the name collided; an event is not worth failing for.
            }
        }
    }
}
