using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutor.Harness;

/// <summary>Renders harness runs as a table per lesson for authors, or one JSON object for CI.</summary>
public static class HarnessReport
{
    public static string Json(IReadOnlyList<LessonRun> runs)
    {
        var lessons = new JsonArray();
        foreach (var run in runs)
        {
            var rows = new JsonArray();
            foreach (var row in run.Rows)
            {
                rows.Add(new JsonObject
                {
                    ["phase"] = row.Phase,
                    ["step"] = row.Step,
                    ["check"] = row.Check,
                    ["passed"] = row.Passed,
                    ["result"] = row.Result,
                    ["seconds"] = Math.Round(row.Seconds, 2),
                });
            }

            lessons.Add(new JsonObject
            {
                ["lesson"] = run.Lesson.Id,
                ["title"] = run.Lesson.Title,
                ["passed"] = run.Passed,
                ["steps"] = rows,
                ["seconds"] = Math.Round(run.Seconds, 2),
            });
        }

        var report = new JsonObject { ["passed"] = runs.All(r => r.Passed), ["lessons"] = lessons };
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Text(IReadOnlyList<LessonRun> runs, bool colour)
    {
        var pass = colour ? "\u001b[32m✓\u001b[0m" : "✓";
        var fail = colour ? "\u001b[31m✗\u001b[0m" : "✗";
        var lines = new List<string>();
        foreach (var run in runs)
        {
            lines.Add($"Lesson {run.Lesson.Id} · {run.Lesson.Title} — {(run.Passed ? "PASS" : "FAIL")} in {Seconds(run.Seconds)}");
            var checkWidth = Math.Min(48, run.Rows.Select(r => r.Check.Length).DefaultIfEmpty(5).Max());
            lines.Add($"  {"phase",-8} {"step",4}  {"check".PadRight(checkWidth)}  {"time",7}  result");
            foreach (var row in run.Rows)
            {
                var check = row.Check.Length > checkWidth ? row.Check[..(checkWidth - 1)] + "…" : row.Check.PadRight(checkWidth);
                lines.Add($"  {row.Phase,-8} {row.Step?.ToString(CultureInfo.InvariantCulture) ?? "-",4}  {check}  {Seconds(row.Seconds),7}  {(row.Passed ? pass : fail)} {row.Result}");
            }

            lines.Add("");
        }

        var failed = runs.Count(r => !r.Passed);
        lines.Add(failed == 0 ? $"All {runs.Count} lessons pass." : $"{failed} of {runs.Count} lessons fail.");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
