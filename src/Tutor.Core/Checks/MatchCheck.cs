using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>The named object exists and partially matches <see cref="Expected"/> (see <see cref="ObjectMatcher"/>).</summary>
public sealed record MatchCheck(string Title, string? Hint, int Line, ResourceRef Resource, JsonNode Expected)
    : Check(Title, Hint, Line)
{
    // Workloads also read their Pods, Pods their Events and claims, claims their classes and volumes, so a mismatch
    // such as too few ready replicas can say why.
    public override IEnumerable<ResourceKind> Reads =>
        WellKnownKinds.PodOwners.Contains(Resource.Kind.Kind) || Resource.Kind == WellKnownKinds.Pod || Resource.Kind == WellKnownKinds.PersistentVolumeClaim
            ? new[] { Resource.Kind }.Concat(WellKnownKinds.PodDiagnosisReads).Distinct()
            : [Resource.Kind];
}
