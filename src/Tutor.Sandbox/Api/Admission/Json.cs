using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>Small helpers to read and default JSON fields without repeating null checks.</summary>
internal static class Json
{
    public static JsonObject Object(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject o) return o;
        o = new JsonObject();
        parent[key] = o;
        return o;
    }

    public static void Default(JsonObject obj, string key, JsonNode value)
    {
        if (obj[key] is null) obj[key] = value;
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A whole number however the JSON holds it (parsed, or built from int or long), else null.</summary>
    public static long? Integer(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) => (long)d,
        _ => null,
    };

    public static IEnumerable<JsonObject> Objects(JsonNode? list) => list is JsonArray a ? a.OfType<JsonObject>() : [];
}
