using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;

namespace Tutor.Tui.Classroom;

/// <summary>
/// The room as a grid of learners × lessons: ✓ lesson done, ▶2 current lesson at step 2, 1/3 steps passed elsewhere,
/// · not started. Stuck learners are marked with ! and coloured; idle ones are dimmed. Pure, so it is tested as text.
/// </summary>
public static class InstructorGrid
{
    public static IReadOnlyList<InstructorLine> Lines(ClassroomReport report, Catalogue catalogue, GlyphSet glyphs)
    {
        var lessons = Columns(report, catalogue);
        var nameWidth = report.Rows.Select(r => r.Learner.Length).Append("LEARNER".Length).Max();
        var total = catalogue.Lessons.Sum(l => l.Steps.Count);
        var doneWidth = Math.Max("DONE".Length, $"{total}/{total}".Length);
        const int lastWidth = 9;
        var cellWidths = lessons.Select(l => Math.Max(l.Id.Length, 3)).ToList();
        var paceIndex = report.UnlockTo is null ? -1 : lessons.FindIndex(l => l.Id == report.UnlockTo);

        var header = $"  {"LEARNER".PadRight(nameWidth)}  {"DONE".PadRight(doneWidth)}  {"LAST".PadRight(lastWidth)} "
                     + string.Concat(lessons.Select((l, i) => " " + l.Id.PadRight(cellWidths[i]) + (i == paceIndex ? "|" : "")))
                     + "  STUCK";
        var lines = new List<InstructorLine> { new(header.TrimEnd(), PanelLineKind.Normal) };
        foreach (var row in report.Rows)
        {
            var cells = string.Concat(lessons.Select((l, i) => " " + Cell(row, l, glyphs).PadRight(cellWidths[i]) + (i == paceIndex ? "|" : "")));
            var last = row.Started ? ClassroomReport.Ago(row.LastProgress, report.Now) : "-";
            var stuck = row.Stuck ? $"{ClassroomReport.Duration(row.FailingFor ?? TimeSpan.Zero)} on {row.FailingCheck}" : "";
            var text = $"{(row.Stuck ? "!" : " ")} {row.Learner.PadRight(nameWidth)}  {$"{row.StepsDone}/{total}".PadRight(doneWidth)}  {last.PadRight(lastWidth)} {cells}  {stuck}";
            var kind = row.Standing switch
            {
                LearnerStanding.Stuck => PanelLineKind.Fail,
                LearnerStanding.Idle => PanelLineKind.Pending,
                _ => PanelLineKind.Normal,
            };
            lines.Add(new InstructorLine(text.TrimEnd(), kind, row.Learner));
        }

        return lines;
    }

    /// <summary>✓ done, ▶N current at step N, k/n some steps passed, · nothing yet.</summary>
    public static string Cell(ClassroomReportRow row, Lesson lesson, GlyphSet glyphs)
    {
        var passed = row.Passed.TryGetValue(lesson.Id, out var steps) ? steps.Count(s => s >= 1 && s <= lesson.Steps.Count) : 0;
        if (lesson.Steps.Count > 0 && passed == lesson.Steps.Count) return glyphs.Done;
        if (row.Lesson == lesson.Id) return $"{glyphs.Current}{row.Step}";
        return passed > 0 ? $"{passed}/{lesson.Steps.Count}" : glyphs.Open;
    }

    /// <summary>
    /// The lessons worth a column: from the first up to one past the furthest of the pace and every learner's position,
    /// so a room early in the course is not spread across forty columns.
    /// </summary>
    public static List<Lesson> Columns(ClassroomReport report, Catalogue catalogue)
    {
        var ids = catalogue.Lessons.Select(l => l.Id).ToList();
        var furthest = report.Rows.SelectMany(r => r.Passed.Keys.Append(r.Lesson ?? "")).Append(report.UnlockTo ?? "")
            .Select(id => ids.IndexOf(id)).DefaultIfEmpty(-1).Max();
        return catalogue.Lessons.Take(Math.Clamp(furthest + 2, 1, catalogue.Lessons.Count)).ToList();
    }
}
