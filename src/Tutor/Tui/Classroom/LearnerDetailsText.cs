using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;

namespace Tutor.Tui.Classroom;

/// <summary>What Enter shows about one learner: where they are, what fails and since when, what they finished.</summary>
public static class LearnerDetailsText
{
    public static IReadOnlyList<string> Lines(ClassroomReportRow row, Catalogue catalogue, DateTimeOffset now)
    {
        var lines = new List<string> { $"{row.Learner} · namespace {row.Namespace}" };
        if (!row.Started)
        {
            lines.Add("Tutor has not published anything for this learner yet (not started).");
            return lines;
        }

        var lesson = catalogue.Find(row.Lesson!);
        var stepTitle = lesson is not null && row.Step >= 1 && row.Step <= lesson.Steps.Count ? $" — {lesson.Steps[row.Step - 1].Title}" : "";
        lines.Add($"On lesson {row.Lesson}{(lesson is null ? "" : $" ({lesson.Title})")}, step {row.Step}{stepTitle}.");
        lines.Add(row.FailingCheck is null
            ? "No check of this step fails."
            : $"Failing for {ClassroomReport.Duration(row.FailingFor ?? TimeSpan.Zero)}{(row.Stuck ? " (stuck)" : "")}: {row.FailingCheck}");
        lines.Add($"Last progress {ClassroomReport.Ago(row.LastProgress, now)}; {row.StepsDone} step{(row.StepsDone == 1 ? "" : "s")} passed.");
        var finished = catalogue.Lessons.Where(l => l.Steps.Count > 0 && row.Passed.TryGetValue(l.Id, out var s) && l.Steps.All(st => s.Contains(st.Number)))
            .Select(l => l.Id).ToList();
        if (finished.Count > 0) lines.Add($"Lessons done: {string.Join(", ", finished)}.");
        return lines;
    }
}
