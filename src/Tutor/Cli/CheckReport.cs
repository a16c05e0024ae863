using System.Text.Json;
using System.Text.Json.Nodes;
using Tutor.Core.Catalogue;

namespace Tutor.Cli;

/// <summary>Renders the verdicts of <c>tutor check</c> as text for people or one JSON object for scripts.</summary>
public static class CheckReport
{
    public static string Json(Lesson lesson, IReadOnlyList<StepVerdicts> steps)
    {
        var checks = new JsonArray();
        foreach (var step in steps)
        {
            for (var i = 0; i < step.Checks.Count; i++)
            {
                checks.Add(new JsonObject
                {
                    ["step"] = step.Step.Number,
                    ["title"] = step.Checks[i].Title,
                    ["passed"] = step.Verdicts[i].Passed,
                    ["message"] = step.Verdicts[i].Message,
                    ["diagnosis"] = step.Verdicts[i].Diagnosis,
                });
            }
        }

        var report = new JsonObject
        {
            ["lesson"] = lesson.Id,
            ["title"] = lesson.Title,
            ["passed"] = steps.All(s => s.Passed),
            ["checks"] = checks,
        };
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Text(Lesson lesson, IReadOnlyList<StepVerdicts> steps, bool colour)
    {
        var pass = colour ? "\u001b[32m✓ PASS\u001b[0m" : "✓ PASS";
        var fail = colour ? "\u001b[31m✗ FAIL\u001b[0m" : "✗ FAIL";
        var lines = new List<string> { $"Lesson {lesson.Id} · {lesson.Title}" };
        foreach (var step in steps)
        {
            lines.Add($"Step {step.Step.Number} · {step.Step.Title}");
            for (var i = 0; i < step.Checks.Count; i++)
            {
                var verdict = step.Verdicts[i];
                lines.Add($"  {(verdict.Passed ? pass : fail)}  {step.Checks[i].Title}");
                if (!verdict.Passed)
                {
                    lines.Add($"          {verdict.Message}");
                    if (verdict.Diagnosis is { } why) lines.Add($"          why: {why}");
                }
            }
        }

        var total = steps.Sum(s => s.Verdicts.Count);
        var passed = steps.Sum(s => s.Verdicts.Count(v => v.Passed));
        lines.Add(passed == total ? $"All {total} checks pass." : $"{passed} of {total} checks pass.");
        return string.Join(Environment.NewLine, lines);
    }
}
