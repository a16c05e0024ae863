namespace Tutor.Tui;

/// <summary>What the centre pane shows for a step: its frame title and the Markdown document.</summary>
public static class StepText
{
    /// <summary>"120 · Deployments — step 2/3".</summary>
    public static string FrameTitle(TutorState state, GlyphSet glyphs)
    {
        if (state.Step is not { } step)
        {
            return "Tutor";
        }

        var title = state.Catalogue.Find(step.LessonId)?.Title;
        var lesson = title is null ? step.LessonId : $"{step.LessonId} {glyphs.Separator} {title}";
        var done = step.Done ? $" {glyphs.Done}" : "";
        return $"{lesson} {glyphs.Dash} step {step.Number}/{step.Count}{done}";
    }

    /// <summary>
    /// The step's Markdown followed by its manifest as a fenced YAML block, so the Markdown view highlights it
    /// and scrolls it together with the text that explains it.
    /// </summary>
    public static string Document(StepState? step)
    {
        if (step is null)
        {
            return "# Welcome to Tutor\n\nPick a lesson in the tree on the left and press **Enter**. Press **?** for all keys.\n";
        }

        var text = step.Markdown.TrimEnd();
        if (step.ManifestYaml is null)
        {
            return text + "\n";
        }

        var fence = Fence(step.ManifestYaml);
        var path = step.ManifestPath is null ? "" : $" `{step.ManifestPath}`";
        return $"{text}\n\n---\n\n**Manifest**{path}: press **a** to apply it.\n\n{fence}yaml\n{step.ManifestYaml.TrimEnd()}\n{fence}\n";
    }

    // A fence must be longer than any run of backticks inside the block, or the YAML would end it early.
    private static string Fence(string body)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
