using System.Text.Json;

namespace Tutor.Core.Classroom;

/// <summary>
/// Takes a reset lesson out of a learner's published progress: its passed steps go, and if the learner has it
/// open they are put back on its first step with no failing check. Everything else in the record is kept.
/// </summary>
public static class ProgressRecordReset
{
    public static ClassroomProgressRecord ForgetLesson(ClassroomProgressRecord record, string lessonId, DateTimeOffset now)
    {
        var passed = record.Passed.Where(p => p.Key != lessonId).ToDictionary(p => p.Key, p => p.Value);
        var open = record.Lesson == lessonId;
        return record with
        {
            Passed = passed,
            Step = open ? 1 : record.Step,
            FailingCheck = open ? null : record.FailingCheck,
            FailingSince = open ? null : record.FailingSince,
            UpdatedAt = now,
        };
    }

    /// <summary>The ConfigMap value with the lesson forgotten, or null when the value is not a progress record (then it is left as it is).</summary>
    public static string? ForgetLesson(string json, string lessonId, DateTimeOffset now)
    {
        ClassroomProgressRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<ClassroomProgressRecord>(json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (record is null) return null;
        var forgotten = ForgetLesson(record, lessonId, now);
        return JsonSerializer.Serialize(forgotten);
    }
}
