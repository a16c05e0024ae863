using Tutor.Core.Classroom;

namespace Tutor.Tui.Classroom;

/// <summary>
/// What the instructor's screen changes on the cluster. Behind an interface so the screen is tested without one and so
/// the classroom's own verbs (reset, pace) can stand behind the same keys. Each returns the line the screen shows.
/// </summary>
public interface IClassroomActions
{
    /// <summary>Puts one learner's lesson back to its starting state in their namespace.</summary>
    Task<string> ResetLessonAsync(string classroom, ClassroomLearner learner, string lessonId, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="unlockTo"/> into every learner's classroom ConfigMap.</summary>
    Task<string> SetPaceAsync(string classroom, IReadOnlyList<ClassroomLearner> learners, string unlockTo, CancellationToken cancellationToken);
}
