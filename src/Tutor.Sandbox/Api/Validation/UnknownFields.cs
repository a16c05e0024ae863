using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Validation;

/// <summary>
/// Finds the fields of an object its kind does not have, at the paths the API server names them
/// (<c>spec.template.spec.containers[0].imagee</c>), and drops them as the server's decoder does.
/// </summary>
internal static class UnknownFields
{
    /// <summary>Removes every unknown field from <paramref name="obj"/> and returns their paths, in document order.</summary>
    public static IReadOnlyList<string> Prune(ResourceType type, JsonObject obj)
    {
        var found = new List<string>();
        if (ModelSchema.TypeOf(type) is not { } model) return found;
        // status is written by the sandbox's controllers, not decoded from a client's request.
        Walk(obj, model, "", found, skip: "status");
        return found;
    }

    private static void Walk(JsonNode? node, Type type, string path, List<string> found, string? skip = null)
    {
        switch (node)
        {
            case JsonObject map when ModelSchema.DictionaryValueType(type) is { } valueType:
                foreach (var (key, value) in map) Walk(value, valueType, $"{path}[{key}]", found);
                return;
            case JsonArray list when ModelSchema.ListItemType(type) is { } itemType:
                for (var i = 0; i < list.Count; i++) Walk(list[i], itemType, $"{path}[{i}]", found);
                return;
            case JsonObject obj when ModelSchema.IsModel(type):
            {
                var fields = ModelSchema.FieldsOf(type);
                foreach (var (key, value) in obj.ToList())
                {
                    var at = path.Length == 0 ? key : $"{path}.{key}";
                    if (key == skip) continue;
                    if (fields.TryGetValue(key, out var fieldType)) Walk(value, fieldType, at, found);
                    else
                    {
                        found.Add(at);
                        obj.Remove(key);
                    }
                }

                return;
            }
        }
    }
}
