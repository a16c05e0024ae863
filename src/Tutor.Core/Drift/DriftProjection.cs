using System.Text.Json.Nodes;

namespace Tutor.Core.Drift;

/// <summary>
/// Cuts a live object down to the fields a solution names, the way apply compares them: map keys the solution
/// does not set (status, uid, resourceVersion, managedFields, defaults) are left out; list elements with a
/// <c>name</c> are paired by name, others by position; lists of plain values are compared whole. Pure.
/// </summary>
public static class DriftProjection
{
    private static readonly string[] ServerOnly = ["status"];
    private static readonly string[] ServerMetadata = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink"];

    /// <summary>The solution without what only the server writes, so a solution that names status is not a drift of its own.</summary>
    public static JsonObject Desired(JsonObject solution)
    {
        var copy = solution.DeepClone().AsObject();
        foreach (var field in ServerOnly) copy.Remove(field);
        if (copy["metadata"] is JsonObject metadata)
            foreach (var field in ServerMetadata) metadata.Remove(field);
        return copy;
    }

    /// <summary>The live object as far as <paramref name="desired"/> reaches; null where the live object has nothing.</summary>
    public static JsonNode? Project(JsonNode? desired, JsonNode? live) => (desired, live) switch
    {
        (JsonObject d, JsonObject l) => ProjectObject(d, l),
        (JsonArray d, JsonArray l) => ProjectArray(d, l),
        (_, null) => null,
        _ => live.DeepClone(),
    };

    private static JsonObject ProjectObject(JsonObject desired, JsonObject live)
    {
        var result = new JsonObject();
        foreach (var (key, value) in desired)
        {
            if (!live.TryGetPropertyValue(key, out var liveValue) || liveValue is null) continue;
            result[key] = Project(value, liveValue);
        }

        return result;
    }

    private static JsonArray ProjectArray(JsonArray desired, JsonArray live)
    {
        // Plain values (args, hosts) are compared whole: an extra or missing entry is a drift.
        if (desired.All(e => e is not JsonObject)) return live.DeepClone().AsArray();
        var result = new JsonArray();
        for (var i = 0; i < desired.Count; i++)
        {
            var element = desired[i];
            var name = NameOf(element);
            var match = name is not null
                ? live.FirstOrDefault(l => NameOf(l) == name)
                : i < live.Count ? live[i] : null;
            if (match is not null) result.Add(Project(element, match));
        }

        return result;
    }

    private static string? NameOf(JsonNode? node) =>
        node is JsonObject o && o["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
}
