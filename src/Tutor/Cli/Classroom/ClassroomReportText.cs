using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tutor.Core.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>How <c>tutor classroom status</c> prints the room: a table for people, JSON for scripts.</summary>
public static class ClassroomReportText
{
    /// <summary>Where a learner is: "110·2", or "—" before their Tutor has published anything.</summary>
    public static string Position(ClassroomReportRow row, string separator = "·") => row.Started ? $"{row.Lesson}{separator}{row.Step}" : "-";

    /// <summary>The stuck column: "9m on Service web has endpoints" when stuck, else empty.</summary>
    public static string StuckText(ClassroomReportRow row) =>
        row.Stuck ? $"{ClassroomReport.Duration(row.FailingFor ?? TimeSpan.Zero)} on {row.FailingCheck}" : "";

    /// <param name="totalSteps">Steps in the catalogue, to print done as "12/40"; null prints the count alone.</param>
    public static string Table(ClassroomReport report, int? totalSteps)
    {
        var rows = report.Rows.Select(r => new[]
        {
            r.Learner,
            Position(r),
            totalSteps is { } total ? $"{r.StepsDone}/{total}" : r.StepsDone.ToString(),
            r.Started ? ClassroomReport.Ago(r.LastProgress, report.Now) : "not started",
            StuckText(r),
        }).ToList();
        string[] header = ["LEARNER", "LESSON·STEP", "DONE", "LAST PROGRESS", "STUCK"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(report.Summary());
        if (rows.Count == 0)
        {
            text.AppendLine($"No learners: no namespace is labelled {ClassroomNames.ClassroomLabel}={report.Classroom}.");
            return text.ToString().TrimEnd();
        }

        foreach (var line in rows.Prepend(header))
            text.AppendLine(string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString().TrimEnd();
    }

    public static string Json(ClassroomReport report, TimeSpan stuckAfter, bool indented = true)
    {
        var learners = new JsonArray();
        foreach (var r in report.Rows)
        {
            var passed = new JsonObject();
            foreach (var (lesson, steps) in r.Passed.OrderBy(p => p.Key, StringComparer.Ordinal)) passed[lesson] = new JsonArray(steps.Select(s => (JsonNode)s).ToArray());
            learners.Add(new JsonObject
            {
                ["learner"] = r.Learner,
                ["namespace"] = r.Namespace,
                ["lesson"] = r.Lesson,
                ["step"] = r.Started ? r.Step : null,
                ["done"] = r.StepsDone,
                ["passed"] = passed,
                ["lastProgress"] = r.LastProgress?.ToString("O"),
                ["lastProgressAgo"] = r.Started ? ClassroomReport.Ago(r.LastProgress, report.Now) : null,
                ["standing"] = r.Standing switch { LearnerStanding.Stuck => "stuck", LearnerStanding.Idle => "idle", _ => "onTrack" },
                ["stuck"] = r.Stuck,
                ["failingCheck"] = r.FailingCheck,
                ["failingForSeconds"] = r.FailingFor is { } f ? (int)f.TotalSeconds : null,
            });
        }

        var document = new JsonObject
        {
            ["classroom"] = report.Classroom,
            ["unlockTo"] = report.UnlockTo,
            ["stuckAfterSeconds"] = (int)stuckAfter.TotalSeconds,
            ["at"] = report.Now.ToString("O"),
            ["learners"] = learners,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }
}
