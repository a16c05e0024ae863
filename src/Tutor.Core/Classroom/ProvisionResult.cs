using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>What provision did, in order, and where it stopped if it did (<see cref="Error"/>), so the instructor knows what stands.</summary>
public sealed record ProvisionResult(IReadOnlyList<string> Done, IReadOnlyList<string> NotDone, string? Error, ClusterFailure? Failure = null)
{
    public bool Ok => Error is null;
}
