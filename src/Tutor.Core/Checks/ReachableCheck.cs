namespace Tutor.Core.Checks;

/// <summary>The API server answers; it reads no objects.</summary>
public sealed record ReachableCheck(string Title, string? Hint, int Line) : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => [];
}
