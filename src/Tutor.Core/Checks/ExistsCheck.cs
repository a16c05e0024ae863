namespace Tutor.Core.Checks;

/// <summary>The named object is there.</summary>
public sealed record ExistsCheck(string Title, string? Hint, int Line, ResourceRef Resource) : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => [Resource.Kind];
}
