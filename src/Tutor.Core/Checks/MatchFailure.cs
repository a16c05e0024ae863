namespace Tutor.Core.Checks;

/// <summary>Where a partial match failed (<c>spec.containers[vote].image</c>) and why, as one sentence.</summary>
public sealed record MatchFailure(string Path, string Message)
{
    public override string ToString() => Message;
}
