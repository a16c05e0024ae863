namespace Tutor.Core.Cluster;

/// <summary>What a reset did: the objects it deleted, the setup it applied, or why it stopped.</summary>
public sealed record ResetResult(IReadOnlyList<string> Deleted, ApplyResult? Setup, string? Error, ClusterFailure? Failure = null)
{
    public bool Ok => Error is null && (Setup?.Ok ?? true);

    public static ResetResult Refused(string reason) => new([], null, reason, ClusterFailure.Refused);
}
