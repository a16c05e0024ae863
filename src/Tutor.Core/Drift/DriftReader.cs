using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using Tutor.Core.Manifests;

namespace Tutor.Core.Drift;

/// <summary>
/// Reads the learner's live objects and compares them with a step's solution, field by field as far as the
/// solution reaches (<see cref="DriftProjection"/>). Shared by <c>tutor diff</c> and the screen's diff view.
/// </summary>
public static class DriftReader
{
    public static async Task<IReadOnlyList<ObjectDrift>> CompareAsync(
        ClusterConnection connection, string @namespace, IReadOnlyList<ManifestObject> solution, CancellationToken cancellationToken)
    {
        var drifts = new List<ObjectDrift>();
        foreach (var item in solution)
            drifts.Add(await CompareOneAsync(connection, @namespace, item.Kind, item.Name, item.Body, cancellationToken).ConfigureAwait(false));
        return drifts;
    }

    private static async Task<ObjectDrift> CompareOneAsync(
        ClusterConnection connection, string @namespace, ResourceKind kind, string name, JsonObject body, CancellationToken cancellationToken)
    {
        var desired = DriftProjection.Desired(body);
        // The solution's Namespace "tutor" stands for the learner's namespace, as when it is applied.
        if (kind == WellKnownKinds.Namespace)
        {
            name = @namespace;
            if (desired["metadata"] is JsonObject metadata) metadata["name"] = name;
        }

        var resource = await connection.Resources.ResolveAsync(kind, cancellationToken).ConfigureAwait(false);
        var reference = $"{kind.ApiVersion} {kind.Kind} {name}";
        JsonObject? live;
        try
        {
            live = await connection.GetJsonAsync(ApiPaths.Item(resource, resource.Namespaced ? @namespace : null, name), $"read {reference}", cancellationToken).ConfigureAwait(false) as JsonObject;
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.NotFound)
        {
            live = null;
        }

        if (live is null) return new ObjectDrift(reference, "", Missing: true);
        var diff = UnifiedDiff.Of(YamlWriter.Write(desired), YamlWriter.Write(DriftProjection.Project(desired, live)), $"solution {reference}", $"live {reference}");
        return new ObjectDrift(reference, diff, Missing: false);
    }
}
