using System.Text.Json.Serialization;

namespace Tutor.Core.Classroom;

/// <summary>
/// What a learner's Tutor publishes for the instructor (ConfigMap <see cref="ClassroomNames.ProgressConfigMap"/>):
/// where they are, what they finished, and the check that has been failing since when, so the dashboard can tell
/// progress from being stuck without asking the learner's machine anything.
/// </summary>
public sealed record ClassroomProgressRecord
{
    [JsonPropertyName("learner")] public string Learner { get; init; } = "";

    /// <summary>Lesson and step the learner has open.</summary>
    [JsonPropertyName("lesson")] public string? Lesson { get; init; }
    [JsonPropertyName("step")] public int Step { get; init; }

    /// <summary>Passed step numbers by lesson id.</summary>
    [JsonPropertyName("passed")] public IDictionary<string, int[]> Passed { get; init; } = new Dictionary<string, int[]>();

    /// <summary>When a step last passed (the learner last progressed).</summary>
    [JsonPropertyName("lastProgress")] public DateTimeOffset? LastProgress { get; init; }

    /// <summary>Title of the first failing check of the open step, or null when all pass or none ran.</summary>
    [JsonPropertyName("failingCheck")] public string? FailingCheck { get; init; }

    /// <summary>Since when that same check has been failing without interruption.</summary>
    [JsonPropertyName("failingSince")] public DateTimeOffset? FailingSince { get; init; }

    /// <summary>When this record was written.</summary>
    [JsonPropertyName("updatedAt")] public DateTimeOffset UpdatedAt { get; init; }
}
