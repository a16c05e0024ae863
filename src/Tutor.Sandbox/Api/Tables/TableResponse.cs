using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Tables;

/// <summary>
/// Builds the <c>meta.k8s.io/v1 Table</c> a client asks for with <c>Accept: …;as=Table</c>: the kind's columns,
/// one row per object, and each row's object as metadata only unless <c>includeObject=Object</c>.
/// </summary>
public static class TableResponse
{
    public static bool Wanted(string? accept) => accept?.Contains("as=Table", StringComparison.Ordinal) == true;

    public static JsonObject For(ResourceType type, IEnumerable<JsonObject> objects, string? resourceVersion, DateTimeOffset now, string? includeObject, bool withColumns = true)
    {
        var columns = KindColumns.For(type);
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion ?? "" },
        };
        table["columnDefinitions"] = withColumns
            ? new JsonArray(columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Name == "Name" ? "name" : "",
                ["description"] = c.Name,
                ["priority"] = c.Priority,
            }).ToArray())
            : new JsonArray();
        table["rows"] = new JsonArray(objects.Select(o => (JsonNode)new JsonObject
        {
            ["cells"] = new JsonArray(columns.Select(c => c.Cell(o, now)?.DeepClone()).ToArray()),
            ["object"] = includeObject == "Object" ? o.DeepClone() : Metadata(o),
        }).ToArray());
        return table;
    }

    private static JsonObject Metadata(JsonObject obj)
    {
        var meta = (obj["metadata"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        meta.Remove("managedFields");
        return new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = meta };
    }
}
