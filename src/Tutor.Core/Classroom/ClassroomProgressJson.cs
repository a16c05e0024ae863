using System.Text.Json;

namespace Tutor.Core.Classroom;

/// <summary>The JSON of <see cref="ClassroomProgressRecord"/> under <see cref="ClassroomNames.ProgressKey"/>.</summary>
public static class ClassroomProgressJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Write(ClassroomProgressRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>The record in a progress ConfigMap's data, or null when it is missing or unreadable (a learner's Tutor rewrites it on its next change).</summary>
    public static ClassroomProgressRecord? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<ClassroomProgressRecord>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
