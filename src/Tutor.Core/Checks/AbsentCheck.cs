namespace Tutor.Core.Checks;

/// <summary>The named object is gone (an object still terminating does not count as gone).</summary>
public sealed record AbsentCheck(string Title, string? Hint, int Line, ResourceRef Resource) : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => [Resource.Kind];
}
