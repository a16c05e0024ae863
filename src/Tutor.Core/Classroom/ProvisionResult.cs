using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// What provision did, and where it stopped if it did (<see cref="Error"/>), so the instructor knows what stands:
/// one line per learner finished, what was done for the learner it stopped at, and the learners not (fully) done.
/// </summary>
public sealed record ProvisionResult(IReadOnlyList<string> Done, IReadOnlyList<string> Partial, IReadOnlyList<string> NotDone, string? Error,
    ClusterFailure? Failure = null)
{
    public bool Ok => Error is null;
}
