using Tutor.Core.Catalogue;
using Tutor.Core.Cluster;

namespace Tutor.Engine;

/// <summary>Carries out a step's solution: delete what it removes, then apply its manifest.</summary>
public static class StepSolution
{
    /// <summary>Returns what was deleted and applied, or the first failure as a one-line message.</summary>
    public static async Task<(IReadOnlyList<string> Deleted, ApplyResult? Applied, string? Error)> ApplyAsync(
        ClusterSession session, LessonFiles files, LessonStep step, CancellationToken cancellationToken)
    {
        var objects = step.Solution is null ? [] : files.Manifest(step.Solution);
        var removed = await session.Resetter.RemoveAsync(session.Namespace, step.Removes, cancellationToken).ConfigureAwait(false);
        if (!removed.Ok) return (removed.Deleted, null, removed.Error);
        if (objects.Count == 0) return (removed.Deleted, null, null);
        var applied = await session.Applier.ApplyAsync(objects, session.Namespace, cancellationToken).ConfigureAwait(false);
        return (removed.Deleted, applied, applied.Ok ? null : ApplyWording.Describe(applied));
    }
}
