namespace Tutor.Core.Classroom;

/// <summary>
/// The room at one moment, as the instructor reads it: a row per learner with where they are, what they finished,
/// when they last progressed and whether they are stuck. Pure: a room and the time in, rows out.
/// </summary>
public sealed record ClassroomReport(string Classroom, string? UnlockTo, IReadOnlyList<ClassroomReportRow> Rows, DateTimeOffset Now)
{
    public static readonly TimeSpan DefaultStuckAfter = TimeSpan.FromMinutes(5);

    public int OnTrack => Rows.Count(r => r.Standing == LearnerStanding.OnTrack);

    public int Stuck => Rows.Count(r => r.Standing == LearnerStanding.Stuck);

    public int Idle => Rows.Count(r => r.Standing == LearnerStanding.Idle);

    /// <summary>"classroom k8s-101 · paced to 150 · 5 learners: 3 on track, 1 stuck, 1 idle".</summary>
    public string Summary(string separator = "·") =>
        $"{new ClassroomPace(Classroom, UnlockTo).Describe(separator)} {separator} {Rows.Count} learner{(Rows.Count == 1 ? "" : "s")}: "
        + $"{OnTrack} on track, {Stuck} stuck, {Idle} idle";

    public static ClassroomReport Build(ClassroomRoom room, DateTimeOffset now, TimeSpan stuckAfter) =>
        new(room.Classroom, room.UnlockTo, room.Learners.Select(l => Row(l, now, stuckAfter)).ToList(), now);

    public static ClassroomReportRow Row(ClassroomLearner learner, DateTimeOffset now, TimeSpan stuckAfter)
    {
        var record = learner.Record;
        if (record is null)
            return new ClassroomReportRow(learner.Name, learner.Namespace, null, 0, 0, new Dictionary<string, int[]>(), null, null, null, LearnerStanding.Idle);

        TimeSpan? failingFor = record.FailingCheck is null ? null : Positive(now - (record.FailingSince ?? record.UpdatedAt));
        // Last sign of work: a pass, or the moment the current failure began (the learner applied something).
        var lastActivity = Later(record.LastProgress, record.FailingCheck is null ? null : record.FailingSince);
        var standing = failingFor >= stuckAfter ? LearnerStanding.Stuck
            : lastActivity is null || now - lastActivity >= stuckAfter ? LearnerStanding.Idle
            : LearnerStanding.OnTrack;
        var passed = new Dictionary<string, int[]>(record.Passed, StringComparer.Ordinal);
        return new ClassroomReportRow(learner.Name, learner.Namespace, record.Lesson, record.Step, passed.Values.Sum(s => s.Length), passed,
            record.LastProgress, record.FailingCheck, failingFor, standing);
    }

    /// <summary>"just now", "45s ago", "4m ago", "2h ago", "3d ago"; "never" for no time.</summary>
    public static string Ago(DateTimeOffset? then, DateTimeOffset now)
    {
        if (then is null) return "never";
        return Duration(now - then.Value) is var span && span == "0s" ? "just now" : $"{span} ago";
    }

    /// <summary>A duration in its largest whole unit: "45s", "4m", "2h", "3d".</summary>
    public static string Duration(TimeSpan span)
    {
        span = Positive(span);
        return span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds}s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours}h"
            : $"{(int)span.TotalDays}d";
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
