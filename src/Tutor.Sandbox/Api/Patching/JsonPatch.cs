using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test over JSON pointers.</summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode target, JsonNode? patch)
    {
        if (patch is not JsonArray operations) throw ApiError.BadRequest("a JSON patch must be an array of operations");
        var document = target.DeepClone();
        var index = 0;
        foreach (var op in operations)
        {
            if (op is not JsonObject o) throw ApiError.BadRequest($"JSON patch operation {index} is not an object");
            var name = Text(o, "op", index);
            var path = Text(o, "path", index);
            switch (name)
            {
                case "add": document = Add(document, path, Value(o, index)); break;
                case "remove": document = Remove(document, path, out _); break;
                case "replace": document = Replace(document, path, Value(o, index)); break;
                case "move":
                {
                    document = Remove(document, Text(o, "from", index), out var moved);
                    document = Add(document, path, moved);
                    break;
                }
                case "copy": document = Add(document, path, Resolve(document, Text(o, "from", index))?.DeepClone()); break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(document, path), o["value"]))
                        throw new ApiError(422, "Invalid", $"the test operation at {path} did not match");
                    break;
                default: throw ApiError.BadRequest($"unknown JSON patch operation \"{name}\"");
            }

            index++;
        }

        return document;
    }

    private static string Text(JsonObject o, string field, int index) =>
        o[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw ApiError.BadRequest($"JSON patch operation {index} lacks \"{field}\"");

    private static JsonNode? Value(JsonObject o, int index) =>
        o.ContainsKey("value") ? o["value"]?.DeepClone() : throw ApiError.BadRequest($"JSON patch operation {index} lacks \"value\"");

    private static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0) return [];
        if (!pointer.StartsWith('/')) throw ApiError.BadRequest($"invalid JSON pointer \"{pointer}\"");
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();
    }

    private static JsonNode? Resolve(JsonNode? node, string pointer)
    {
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(token, out var child) ? child : throw Missing(pointer),
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw Missing(pointer),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) return value ?? throw ApiError.BadRequest("cannot replace the whole document with null");
        var parent = Resolve(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when last == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count: a.Insert(i, value); break;
            default: throw Missing(pointer);
        }

        return document;
    }

    private static JsonNode Replace(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) return value ?? throw ApiError.BadRequest("cannot replace the whole document with null");
        var parent = Resolve(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            // In place, so the order of fields stays as it was.
            case JsonObject o when o.ContainsKey(last): o[last] = value; break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count: a[i] = value; break;
            default: throw Missing(pointer);
        }

        return document;
    }

    private static JsonNode Remove(JsonNode document, string pointer, out JsonNode? removed)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) throw ApiError.BadRequest("cannot remove the whole document");
        var parent = Resolve(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var child):
                o.Remove(last);
                removed = child;
                break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count:
                removed = a[i];
                a.RemoveAt(i);
                break;
            default: throw Missing(pointer);
        }

        return document;
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static ApiError Missing(string pointer) => new(422, "Invalid", $"the JSON patch path \"{pointer}\" does not exist");
}
