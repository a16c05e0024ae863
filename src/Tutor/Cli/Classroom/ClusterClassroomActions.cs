using k8s;
using k8s.Models;
using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;
using Tutor.Engine;
using Tutor.Tui.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>
/// The instructor screen's actions on the cluster. Reset puts a learner's lesson back to its setup with the same
/// <see cref="LessonResetter"/> a learner's own reset uses (so it deletes only inside Tutor's namespaces and keeps the
/// classroom's objects); pace merges <c>unlockTo</c> into each learner's classroom ConfigMap, leaving its other keys alone.
/// </summary>
public sealed class ClusterClassroomActions(ClusterSession session, LessonFiles files) : IClassroomActions
{
    public async Task<string> ResetLessonAsync(string classroom, ClassroomLearner learner, string lessonId, CancellationToken cancellationToken)
    {
        if (files.Catalogue.Find(lessonId) is not { } lesson) return $"Lesson {lessonId} is not in the catalogue; nothing reset.";
        var result = await session.Resetter.ResetAsync(learner.Namespace, files.Setup(lesson), cancellationToken).ConfigureAwait(false);
        return result.Ok
            ? $"Lesson {lessonId} of {learner.Name} reset: {result.Deleted.Count} object{(result.Deleted.Count == 1 ? "" : "s")} deleted, setup applied."
            : $"Reset of {learner.Name}'s lesson {lessonId} stopped: {result.Error ?? ApplyWording.Describe(result.Setup!, "set up")}";
    }

    public async Task<string> SetPaceAsync(string classroom, IReadOnlyList<ClassroomLearner> learners, string unlockTo, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(new System.Text.Json.Nodes.JsonObject
        {
            ["data"] = new System.Text.Json.Nodes.JsonObject { [ClassroomNames.UnlockToKey] = unlockTo },
        }.ToJsonString(), V1Patch.PatchType.MergePatch);
        var failed = new List<string>();
        await Parallel.ForEachAsync(learners, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (learner, token) =>
        {
            try
            {
                await session.Connection.Client.CoreV1.PatchNamespacedConfigMapAsync(patch, ClassroomNames.ClassroomConfigMap, learner.Namespace,
                    fieldManager: TutorLabels.FieldManager, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (failed) failed.Add($"{learner.Name} ({ClusterErrors.From(e, session.Server, $"patch {ClassroomNames.ClassroomConfigMap} in {learner.Namespace}").Message})");
            }
        }).ConfigureAwait(false);
        var done = learners.Count - failed.Count;
        return failed.Count == 0
            ? $"Classroom {classroom} paced to lesson {unlockTo} for all {done} learner{(done == 1 ? "" : "s")}."
            : $"Paced to lesson {unlockTo} for {done} of {learners.Count}; not for {string.Join(", ", failed.Order())}.";
    }
}
