using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>
/// The number of objects of <see cref="Kind"/> picked by <see cref="Selector"/> (all when null) and
/// matching <see cref="Match"/> (all when null) is within <see cref="Bounds"/>.
/// </summary>
public sealed record CountCheck(
    string Title, string? Hint, int Line, ResourceKind Kind, LabelSelector? Selector, JsonNode? Match, CountBounds Bounds)
    : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads =>
        new[] { Kind }.Concat(WellKnownKinds.PodDiagnosisReads).Distinct();
}
