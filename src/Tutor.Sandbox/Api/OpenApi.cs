using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// The OpenAPI v3 documents kubectl downloads before <c>create</c> and <c>apply</c>: an index of group-versions,
/// and per group-version the operations with their kind and the <c>fieldValidation</c> parameter, which tells
/// kubectl to leave field validation to the server. The component schemas of its kinds let <c>kubectl explain</c> print their fields.
/// </summary>
public static class OpenApi
{
    private static readonly string[] WriteParameters = ["dryRun", "fieldManager", "fieldValidation", "pretty"];

    public static JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var gv in GroupVersions())
            paths[gv] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{gv}?hash=sandbox" };
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document of one group-version path (<c>api/v1</c>, <c>apis/apps/v1</c>), or null when not served.</summary>
    public static JsonObject? Document(string groupVersionPath)
    {
        var types = ResourceTypes.All.Concat(ReviewResources.All).Where(t => PathOf(t) == groupVersionPath).ToList();
        if (types.Count == 0) return null;
        var paths = new JsonObject();
        foreach (var type in types)
        {
            var gvk = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };
            var prefix = "/" + groupVersionPath + (type.Namespaced ? "/namespaces/{namespace}" : "");
            if (ReviewResources.Contains(type))
            {
                paths[$"{prefix}/{type.Plural}"] = new JsonObject { ["post"] = Operation(gvk, "post", WriteParameters) };
                continue;
            }

            paths[$"{prefix}/{type.Plural}"] = new JsonObject
            {
                ["get"] = Operation(gvk, "list", []),
                ["post"] = Operation(gvk, "post", WriteParameters),
            };
            paths[$"{prefix}/{type.Plural}/{{name}}"] = new JsonObject
            {
                ["get"] = Operation(gvk, "get", []),
                ["put"] = Operation(gvk, "put", WriteParameters),
                ["patch"] = Operation(gvk, "patch", [.. WriteParameters, "force"]),
                ["delete"] = Operation(gvk, "delete", ["dryRun"]),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes (Tutor sandbox)", ["version"] = Discovery.GitVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = OpenApiSchemas.For(types) },
        };
    }

    private static JsonObject Operation(JsonObject gvk, string action, string[] parameters) => new()
    {
        ["x-kubernetes-action"] = action,
        ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p,
            ["in"] = "query",
            ["schema"] = new JsonObject { ["type"] = p == "force" ? "boolean" : "string", ["uniqueItems"] = true },
        }).ToArray()),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
    };

    private static IEnumerable<string> GroupVersions() => ResourceTypes.All.Concat(ReviewResources.All).Select(PathOf).Distinct();

    private static string PathOf(ResourceType type) => type.Group.Length == 0 ? $"api/{type.Version}" : $"apis/{type.Group}/{type.Version}";
}
