namespace Tutor.Core.Cluster;

/// <summary>One applied object, printed like kubectl: <c>deployment.apps/vote configured</c>.</summary>
public sealed record ApplyOutcome(string Reference, ApplyAction Action)
{
    public override string ToString() => $"{Reference} {Action.ToString().ToLowerInvariant()}";
}
