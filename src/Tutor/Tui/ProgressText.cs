namespace Tutor.Tui;

/// <summary>The words beside the progress bar.</summary>
public static class ProgressText
{
    public static string Format(ProgressSummary progress, GlyphSet glyphs)
    {
        var percent = (int)Math.Floor(progress.Fraction * 100);
        return $"{progress.StepsDone}/{progress.StepsTotal} steps {glyphs.Separator} {percent}%";
    }
}
