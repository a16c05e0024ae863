using Tutor.Core.Drift;

namespace Tutor.Tui;

/// <summary>The diff panel's lines: each drifted object's unified diff, - lines red (the solution), + lines green (live). Pure.</summary>
public static class DiffText
{
    public static IReadOnlyList<PanelLine> Lines(IReadOnlyList<ObjectDrift> drifts, int step, GlyphSet glyphs)
    {
        var lines = new List<PanelLine>();
        var drifted = drifts.Where(d => d.Drifted).ToList();
        if (drifted.Count == 0)
        {
            lines.Add(new PanelLine($"{glyphs.Pass} No drift: your objects match step {step}'s solution.", PanelLineKind.Pass));
            lines.AddRange(drifts.Select(d => new PanelLine($"  {d.Reference}", PanelLineKind.Normal)));
            return lines;
        }

        lines.Add(new PanelLine($"{drifted.Count} of {drifts.Count} object{(drifts.Count == 1 ? "" : "s")} {(drifted.Count == 1 ? "differs" : "differ")} from step {step}'s solution (- solution, + live):", PanelLineKind.Warning));
        foreach (var drift in drifted)
        {
            lines.Add(new PanelLine("", PanelLineKind.Normal));
            if (drift.Missing)
            {
                lines.Add(new PanelLine($"- {drift.Reference}: missing from the cluster (the solution creates it)", PanelLineKind.Removed));
                continue;
            }

            lines.AddRange(drift.Diff.TrimEnd('\n').Split('\n').Select(l => new PanelLine(l, KindOf(l))));
        }

        return lines;
    }

    private static PanelLineKind KindOf(string line) => line switch
    {
        _ when line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("@@", StringComparison.Ordinal) => PanelLineKind.Heading,
        _ when line.StartsWith('+') => PanelLineKind.Added,
        _ when line.StartsWith('-') => PanelLineKind.Removed,
        _ => PanelLineKind.Normal,
    };
}
