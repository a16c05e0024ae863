using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>Reading the common parts of objects: names, labels, owners, selectors.</summary>
public static class Meta
{
    public static string Name(JsonObject o) => o["metadata"]?["name"]?.GetValue<string>() ?? "";

    public static string Namespace(JsonObject o) => o["metadata"]?["namespace"]?.GetValue<string>() ?? "";

    public static string Uid(JsonObject o) => o["metadata"]?["uid"]?.GetValue<string>() ?? "";

    public static ObjectKey Key(ResourceType type, JsonObject o) => new(type, type.Namespaced ? Namespace(o) : "", Name(o));

    public static bool IsDeleting(JsonObject o) => o["metadata"]?["deletionTimestamp"] is not null;

    public static IReadOnlyDictionary<string, string> Labels(JsonNode? labels)
    {
        var map = new Dictionary<string, string>();
        if (labels is JsonObject o)
            foreach (var (k, v) in o)
                if (v is JsonValue value && value.TryGetValue<string>(out var s)) map[k] = s;
        return map;
    }

    /// <summary>Whether a <c>matchLabels</c> map (a Service's selector, or a workload's matchLabels) selects these labels.</summary>
    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        var wanted = Labels(selector);
        return wanted.Count > 0 && wanted.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }

    /// <summary>The uid of the controlling owner of <paramref name="o"/>, if any.</summary>
    public static JsonObject? ControllerRef(JsonObject o) =>
        (o["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => r["controller"]?.GetValue<bool>() == true);

    public static bool OwnedBy(JsonObject o, string uid) =>
        (o["metadata"]?["ownerReferences"] as JsonArray)?.Any(r => r?["uid"]?.GetValue<string>() == uid) == true;

    public static JsonArray OwnerReference(JsonObject owner) => new(new JsonObject
    {
        ["apiVersion"] = owner["apiVersion"]?.DeepClone(),
        ["kind"] = owner["kind"]?.DeepClone(),
        ["name"] = Name(owner),
        ["uid"] = Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    public static int Int(JsonNode? node, int fallback = 0) => IntOrNull(node) ?? fallback;

    /// <summary>A whole number however the JSON holds it (parsed text, int or long), else null.</summary>
    public static int? IntOrNull(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<long>(out var l) => (int)l,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) => (int)d,
        _ => null,
    };

    public static string RandomSuffix(int length = 5)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
    }

    /// <summary>Replaces <paramref name="target"/>[<paramref name="key"/>] and says whether that changed anything.</summary>
    public static bool Set(JsonObject target, string key, JsonNode? value)
    {
        if (JsonNode.DeepEquals(target[key], value)) return false;
        target[key] = value;
        return true;
    }
}
