using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>Reads a discovery document (<c>APIResourceList</c> from /api/v1 or /apis/group/version).</summary>
public static class ApiResourceListParser
{
    public static IReadOnlyList<ApiResource> Parse(string apiVersion, JsonNode? document)
    {
        var result = new List<ApiResource>();
        if (document?["resources"] is not JsonArray resources) return result;
        foreach (var entry in resources.OfType<JsonObject>())
        {
            var name = entry["name"]?.GetValue<string>();
            var kind = entry["kind"]?.GetValue<string>();
            // "deployments/scale", "pods/log": subresources are not kinds of their own.
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(kind) || name.Contains('/')) continue;
            var namespaced = entry["namespaced"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            var verbs = entry["verbs"] is JsonArray array
                ? array.Select(x => x?.GetValue<string>()).OfType<string>().ToList()
                : new List<string>();
            result.Add(new ApiResource(new ResourceKind(apiVersion, kind), name, namespaced, verbs));
        }

        return result;
    }
}
