using System.Collections.Concurrent;
using Tutor.Core.Checks;
using Tutor.Core.Manifests;

namespace Tutor.Core.Catalogue;

/// <summary>
/// Reads what a catalogue's lessons name — texts, manifests, checks — and keeps what it has read. A file
/// that is missing or broken becomes a <see cref="LessonFileException"/> carrying <c>file:line</c> diagnostics,
/// so nothing is applied or checked from a half-read file.
/// </summary>
public sealed class LessonFiles(Catalogue catalogue)
{
    private readonly ConcurrentDictionary<string, object> _cache = new();

    public Catalogue Catalogue => catalogue;

    public string ReadText(string relative)
    {
        var path = catalogue.PathOf(relative);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LessonFileException([new Diagnostic(relative, 0, $"cannot read the file: {e.Message}")]);
        }
    }

    public LessonText Text(Lesson lesson) => Cached("text:" + lesson.Text, () => LessonText.Parse(ReadText(lesson.Text)));

    /// <summary>What the screen shows for a step: the introduction before step 1, then the step's own section.</summary>
    public string StepMarkdown(Lesson lesson, LessonStep step)
    {
        var text = Text(lesson);
        var section = text.Section(step.Section)?.Markdown ?? $"## {step.Title}\n";
        return step.Number == 1 ? text.Introduction.TrimEnd() + "\n\n" + section : section;
    }

    /// <summary>The shell commands a step's text shows: the introduction's too for step 1, as <see cref="StepMarkdown"/> shows it.</summary>
    public IReadOnlyList<LessonCommand> StepCommands(Lesson lesson, LessonStep step)
    {
        var text = Text(lesson);
        var section = text.Section(step.Section)?.Commands ?? [];
        return step.Number == 1 ? [.. text.IntroductionCommands, .. section] : section;
    }

    /// <summary>Drops a manifest from the cache, so the next read sees the file as it is now (after the learner edited it).</summary>
    public void Forget(string relative) => _cache.TryRemove("manifest:" + relative, out _);

    public IReadOnlyList<Check> Checks(LessonStep step) => Cached("checks:" + step.Checks, () =>
    {
        var result = CheckParser.Parse(ReadText(step.Checks), step.Checks);
        return result.Ok ? result.Checks : throw new LessonFileException(result.Errors);
    });

    public IReadOnlyList<ManifestObject> Manifest(string relative) => Cached("manifest:" + relative, () =>
    {
        var result = ManifestReader.Read(ReadText(relative), relative);
        return result.Ok ? result.Objects : throw new LessonFileException(result.Errors);
    });

    public IReadOnlyList<ManifestObject> Setup(Lesson lesson) => lesson.Setup.SelectMany(Manifest).ToList();

    /// <summary>Every kind the checks of <paramref name="lesson"/> read, so one watch serves all its steps.</summary>
    public IReadOnlyList<ResourceKind> KindsRead(Lesson lesson) =>
        lesson.Steps.SelectMany(s => Checks(s)).SelectMany(c => c.Reads).Distinct().ToList();

    /// <summary>Every question the <c>canI</c> checks of <paramref name="lesson"/> put to the authorizer.</summary>
    public IReadOnlyList<AccessQuestion> AccessQuestions(Lesson lesson) =>
        lesson.Steps.SelectMany(s => Checks(s)).SelectMany(c => c.Asks).Distinct().ToList();

    private T Cached<T>(string key, Func<T> read) where T : notnull => (T)_cache.GetOrAdd(key, _ => read());
}
