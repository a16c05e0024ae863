namespace Tutor.Core.Drift;

/// <summary>How one object of a solution compares with the learner's live object.</summary>
/// <param name="Reference">"apps/v1 Deployment vote".</param>
/// <param name="Diff">The unified diff (- solution, + live); empty when they agree or when the object is missing.</param>
/// <param name="Missing">The live object does not exist (the solution creates it).</param>
public sealed record ObjectDrift(string Reference, string Diff, bool Missing)
{
    public bool Drifted => Missing || Diff.Length > 0;
}
