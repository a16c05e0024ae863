using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Tutor.Core.Drift;

/// <summary>A unified diff of two texts (DiffPlex's line diff), with a few lines of context around each change; empty when they agree.</summary>
public static class UnifiedDiff
{
    public static string Of(string expected, string actual, string expectedName, string actualName, int context = 3)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false).Lines;
        if (lines.All(l => l.Type == ChangeType.Unchanged)) return "";
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged) continue;
            for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++) keep[j] = true;
        }

        var output = new List<string> { $"--- {expectedName}", $"+++ {actualName}" };
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                if (i > 0 && keep[i - 1]) output.Add("@@");
                continue;
            }

            var prefix = lines[i].Type switch { ChangeType.Inserted => "+", ChangeType.Deleted => "-", _ => " " };
            output.Add(prefix + lines[i].Text);
        }

        // A separator only stands between two kept stretches.
        if (output[^1] == "@@") output.RemoveAt(output.Count - 1);
        return string.Join("\n", output);
    }
}
