using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;
using Tutor.Engine;
using Tutor.Tui.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>
/// The instructor screen's actions on the cluster, done by the same <see cref="ClassroomResetter"/> and
/// <see cref="ClassroomPacer"/> as <c>tutor classroom reset</c> and <c>pace</c>.
/// </summary>
public sealed class ClusterClassroomActions(ClusterSession session, LessonFiles files) : IClassroomActions
{
    public async Task<string> ResetLessonAsync(string classroom, ClassroomLearner learner, string lessonId, CancellationToken cancellationToken)
    {
        if (files.Catalogue.Find(lessonId) is not { } lesson) return $"Lesson {lessonId} is not in the catalogue; nothing reset.";
        var result = await new ClassroomResetter(session.Connection)
            .ResetAsync(new RoomLearner(learner.Name, learner.Namespace), lessonId, files.Setup(lesson), cancellationToken).ConfigureAwait(false);
        return result.Ok
            ? $"Lesson {lessonId} of {learner.Name} reset: {result.Deleted.Count} object{(result.Deleted.Count == 1 ? "" : "s")} deleted, setup applied."
            : $"Reset of {learner.Name}'s lesson {lessonId} stopped: {result.Error ?? ApplyWording.Describe(result.Setup!, "set up")}";
    }

    public async Task<string> SetPaceAsync(string classroom, IReadOnlyList<ClassroomLearner> learners, string unlockTo, CancellationToken cancellationToken)
    {
        var pacer = new ClassroomPacer(session.Connection);
        var failed = new List<string>();
        await Parallel.ForEachAsync(learners, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (learner, token) =>
        {
            try
            {
                await pacer.SetAsync(new RoomLearner(learner.Name, learner.Namespace), unlockTo, token).ConfigureAwait(false);
            }
            catch (ClusterException e)
            {
                lock (failed) failed.Add($"{learner.Name} ({e.Message})");
            }
        }).ConfigureAwait(false);
        var done = learners.Count - failed.Count;
        return failed.Count == 0
            ? $"Classroom {classroom} paced to lesson {unlockTo} for all {done} learner{(done == 1 ? "" : "s")}."
            : $"Paced to lesson {unlockTo} for {done} of {learners.Count}; not for {string.Join(", ", failed.Order())}.";
    }
}
