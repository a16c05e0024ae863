namespace Tutor.Core.Checks;

/// <summary>The Endpoints of the same name as the Service hold a number of ready addresses within <see cref="Bounds"/>.</summary>
public sealed record EndpointsCheck(string Title, string? Hint, int Line, ResourceRef Service, CountBounds Bounds)
    : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => [WellKnownKinds.Service, WellKnownKinds.Endpoints, .. WellKnownKinds.PodDiagnosisReads];
}
