using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>Builds an immutable <see cref="ClusterSnapshot"/> from cached objects, sorted so equal states give equal snapshots.</summary>
public static class SnapshotBuilder
{
    public static ClusterSnapshot Build(string learnerNamespace, IEnumerable<KeyValuePair<ResourceKind, IEnumerable<JsonObject>>> objects)
    {
        var result = new Dictionary<ResourceKind, IReadOnlyList<JsonObject>>();
        foreach (var (kind, items) in objects)
        {
            result[kind] = items
                .OrderBy(o => o["metadata"]?["namespace"]?.GetValue<string>() ?? "", StringComparer.Ordinal)
                .ThenBy(o => o["metadata"]?["name"]?.GetValue<string>() ?? "", StringComparer.Ordinal)
                .Select(o => (JsonObject)o.DeepClone())
                .ToList();
        }

        return new ClusterSnapshot(learnerNamespace, true, result);
    }

    /// <summary>The key an object is cached under: namespace/name (cluster-scoped objects have no namespace).</summary>
    public static string KeyOf(JsonObject item) =>
        $"{item["metadata"]?["namespace"]?.GetValue<string>()}/{item["metadata"]?["name"]?.GetValue<string>()}";
}
