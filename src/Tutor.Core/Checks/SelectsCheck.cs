namespace Tutor.Core.Checks;

/// <summary>
/// The selector of the named object (a Service's <c>spec.selector</c> map, a workload's label selector)
/// picks a number of objects of <see cref="Target"/> within <see cref="Bounds"/>.
/// </summary>
public sealed record SelectsCheck(string Title, string? Hint, int Line, ResourceRef Resource, ResourceKind Target, CountBounds Bounds)
    : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => new[] { Resource.Kind, Target, WellKnownKinds.Pod, WellKnownKinds.Event }.Distinct();
}
