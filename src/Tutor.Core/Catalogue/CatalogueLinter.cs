using Tutor.Core.Checks;
using Tutor.Core.Manifests;

namespace Tutor.Core.Catalogue;

/// <summary>
/// Checks a catalogue and everything it names: lessons.json itself, each lesson's text and step
/// headings, and every setup, manifest, solution and checks file. Paths in diagnostics are as
/// written in lessons.json, relative to the root.
/// </summary>
public static class CatalogueLinter
{
    /// <summary>The namespace name that stands for the learner's own namespace in manifests.</summary>
    public const string LearnerNamespace = "tutor";

    public static IReadOnlyList<Diagnostic> Lint(string root)
    {
        var loaded = CatalogueLoader.Load(root);
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        if (loaded.Salvaged is { } catalogue)
        {
            var files = new FileCache(root);
            foreach (var lesson in catalogue.Lessons)
                LintLesson(lesson, files, diagnostics);
        }
        return diagnostics
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ToList();
    }

    private static void LintLesson(Lesson lesson, FileCache files, List<Diagnostic> diagnostics)
    {
        var catalogueFile = CatalogueLoader.FileName;
        var owner = $"lesson \"{lesson.Id}\"";

        // Empty paths and sections were unreadable in lessons.json and are reported there already.
        var markdown = lesson.Text.Length == 0 ? null : files.Read(lesson.Text);
        if (markdown is null && lesson.Text.Length > 0)
            diagnostics.Add(new Diagnostic(catalogueFile, lesson.Source.Of("text"), $"text of {owner} not found: {lesson.Text}"));
        var text = markdown is null ? null : LessonText.Parse(markdown);

        for (var i = 0; i < lesson.Setup.Count; i++)
            LintManifest(lesson.Setup[i], lesson.Source.Of($"setup[{i}]"), "setup", lesson, files, diagnostics);

        foreach (var step in lesson.Steps)
        {
            var stepOwner = $"step {step.Number} of {owner}";
            if (text is not null && text.Sections.Where(s => s.Heading == step.Section.Trim()).Skip(1).FirstOrDefault() is { } repeated)
                diagnostics.Add(new Diagnostic(lesson.Text, repeated.Line, $"heading \"{repeated.Heading}\" appears more than once, so step {step.Number} of {owner} cannot tell which section is its own"));
            if (text is not null && step.Section.Length > 0 && text.Section(step.Section) is null)
            {
                var available = text.Headings.Count == 0
                    ? $"{lesson.Text} has no level-2 headings"
                    : "headings in " + lesson.Text + ": " + string.Join(", ", text.Headings.Select(h => $"\"{h}\""));
                diagnostics.Add(new Diagnostic(catalogueFile, step.Source.Of("section"), $"section \"{step.Section}\" of {stepOwner} is not a heading of the text ({available})"));
            }
            if (step.Manifest is not null)
                LintManifest(step.Manifest, step.Source.Of("manifest"), "manifest", lesson, files, diagnostics);
            if (step.Solution is not null)
                LintManifest(step.Solution, step.Source.Of("solution"), "solution", lesson, files, diagnostics);
            LintChecks(step, stepOwner, files, diagnostics);
        }
    }

    private static void LintManifest(string path, int line, string field, Lesson lesson, FileCache files, List<Diagnostic> diagnostics)
    {
        var yaml = files.Read(path);
        if (yaml is null)
        {
            diagnostics.Add(new Diagnostic(CatalogueLoader.FileName, line, $"{field} file of lesson \"{lesson.Id}\" not found: {path}"));
            return;
        }
        var result = ManifestReader.Read(yaml, path);
        diagnostics.AddRange(result.Errors);
        foreach (var item in result.Objects)
        {
            // Manifests are applied into the learner's namespace; naming another one would reach outside it.
            if (item.Namespace is { } ns && ns != LearnerNamespace)
                diagnostics.Add(new Diagnostic(path, item.Line, $"{item.Kind.Kind} \"{item.Name}\" names namespace \"{ns}\"; manifests never name a namespace (Tutor applies them into the learner's)"));
            // Tutor renames the Namespace "tutor" to the learner's and refuses to apply any other, so
            // other namespaces are an error even for lessons with cluster-wide rights.
            if (item.Kind.Kind == "Namespace")
            {
                if (item.Name != LearnerNamespace)
                    diagnostics.Add(new Diagnostic(path, item.Line, $"Namespace \"{item.Name}\": a lesson may only create the learner's namespace; name it \"{LearnerNamespace}\""));
            }
            else if (ClusterScopedKinds.Contains(item.Kind.Kind) && !lesson.Requires.ClusterWide)
                diagnostics.Add(new Diagnostic(path, item.Line, $"{item.Kind.Kind} \"{item.Name}\" is cluster-scoped; lesson \"{lesson.Id}\" needs \"requires\": {{ \"clusterWide\": true }} to create it"));
        }
    }

    private static void LintChecks(LessonStep step, string stepOwner, FileCache files, List<Diagnostic> diagnostics)
    {
        if (step.Checks.Length == 0) return;
        var line = step.Source.Of("checks");
        var yaml = files.Read(step.Checks);
        if (yaml is null)
        {
            diagnostics.Add(new Diagnostic(CatalogueLoader.FileName, line, $"checks file of {stepOwner} not found: {step.Checks}"));
            return;
        }
        CheckParseResult result;
        try
        {
            result = CheckParser.Parse(yaml, step.Checks);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser failure must not stop the lint of every other file.
            diagnostics.Add(new Diagnostic(CatalogueLoader.FileName, line, $"checks file of {stepOwner} could not be read: {step.Checks}: {ex.Message}"));
            return;
        }
        diagnostics.AddRange(result.Errors);
        if (result.Ok && result.Checks.Count == 0)
            diagnostics.Add(new Diagnostic(CatalogueLoader.FileName, line, $"{stepOwner} has no checks: {step.Checks} is empty, and a step needs at least one check to unlock the next"));
    }

    /// <summary>Reads each named file once; lessons often share setup files.</summary>
    private sealed class FileCache(string root)
    {
        private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);

        public string? Read(string relative)
        {
            if (_texts.TryGetValue(relative, out var text)) return text;
            var path = Path.Combine(root, relative);
            text = File.Exists(path) ? File.ReadAllText(path) : null;
            _texts[relative] = text;
            return text;
        }
    }
}
