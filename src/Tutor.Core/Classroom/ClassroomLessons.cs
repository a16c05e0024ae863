namespace Tutor.Core.Classroom;

/// <summary>
/// Which lessons a classroom learner can take. A learner holds rights only inside their own namespace, so a
/// lesson that declares <c>requires.clusterWide</c> (creating namespaces, reading nodes) cannot run there.
/// </summary>
public static class ClassroomLessons
{
    public const string UnavailableReason = "Not available in a classroom: this lesson needs cluster-wide rights, and yours end at your namespace.";

    public static bool IsAvailable(Catalogue.Lesson lesson) => !lesson.Requires.ClusterWide;

    /// <summary>Every object a lesson writes: its setup, then each step's manifest and solution.</summary>
    public static IEnumerable<Manifests.ManifestObject> Objects(Catalogue.LessonFiles files, Catalogue.Lesson lesson) =>
        lesson.Setup.Concat(lesson.Steps.SelectMany(s => new[] { s.Manifest, s.Solution }.OfType<string>())).SelectMany(files.Manifest);

    /// <summary>Only the lessons a classroom can take, for the instructor's counts and columns.</summary>
    public static Catalogue.Catalogue Taught(Catalogue.Catalogue catalogue) => catalogue with { Lessons = catalogue.Lessons.Where(IsAvailable).ToList() };

    /// <summary>The catalogue as a classroom learner sees it: every lesson listed, those they cannot take marked unavailable.</summary>
    public static Catalogue.Catalogue ForClassroom(Catalogue.Catalogue catalogue) => catalogue with
    {
        Unavailable = catalogue.Lessons.Where(l => !IsAvailable(l)).ToDictionary(l => l.Id, _ => UnavailableReason),
    };
}
