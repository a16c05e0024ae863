using System.Globalization;
using System.Text.Json.Nodes;

namespace Tutor.Core.Classroom;

/// <summary>
/// A classroom as one learner's Tutor sees it: the room's name and how far the instructor lets the room go.
/// Lessons after <see cref="UnlockTo"/> wait for the instructor, however far a learner has got on their own.
/// </summary>
/// <param name="Classroom">The classroom's name.</param>
/// <param name="UnlockTo">The last lesson open to the room; null or empty means no limit.</param>
public sealed record ClassroomPace(string Classroom, string? UnlockTo)
{
    /// <summary>Reads the instructor's <see cref="ClassroomNames.ClassroomConfigMap"/>; null when it is not one (no data).</summary>
    public static ClassroomPace? FromConfigMap(JsonObject configMap)
    {
        if (configMap["data"] is not JsonObject data) return null;
        var name = Text(data[ClassroomNames.ClassroomKey]) ?? Text(configMap["metadata"]?["labels"]?[ClassroomNames.ClassroomLabel]);
        if (string.IsNullOrWhiteSpace(name)) return null;
        var unlockTo = Text(data[ClassroomNames.UnlockToKey])?.Trim();
        return new ClassroomPace(name.Trim(), string.IsNullOrEmpty(unlockTo) ? null : unlockTo);
    }

    /// <summary>
    /// True when <paramref name="lessonId"/> lies after the pace: later in catalogue order than the lesson it names,
    /// or, for a pace the catalogue does not know (a lesson held back), numerically greater.
    /// </summary>
    public bool Holds(Catalogue.Catalogue catalogue, string lessonId)
    {
        if (UnlockTo is null) return false;
        var limit = IndexOf(catalogue, UnlockTo);
        var index = IndexOf(catalogue, lessonId);
        if (limit >= 0 && index >= 0) return index > limit;
        return int.TryParse(UnlockTo, NumberStyles.None, CultureInfo.InvariantCulture, out var paced)
               && int.TryParse(lessonId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
               && id > paced;
    }

    /// <summary>
    /// The pace <paramref name="lessons"/> lessons forward (positive) or back (negative) in catalogue order, kept within
    /// the catalogue. No limit counts as the last lesson, so "-" from no limit holds back the last lesson.
    /// </summary>
    public static string Move(Catalogue.Catalogue catalogue, string? unlockTo, int lessons)
    {
        if (catalogue.Lessons.Count == 0) throw new ArgumentException("the catalogue has no lessons", nameof(catalogue));
        var index = unlockTo is null ? catalogue.Lessons.Count - 1 : IndexOf(catalogue, unlockTo);
        if (index < 0)
        {
            // A pace the catalogue does not know: count from the last lesson it lets through.
            var pace = new ClassroomPace("", unlockTo);
            index = catalogue.Lessons.ToList().FindLastIndex(l => !pace.Holds(catalogue, l.Id));
        }

        return catalogue.Lessons[Math.Clamp(index + lessons, 0, catalogue.Lessons.Count - 1)].Id;
    }

    /// <summary>"classroom k8s-101 · paced to 150" (or "· no pace limit").</summary>
    public string Describe(string separator = "·") =>
        UnlockTo is null ? $"classroom {Classroom} {separator} no pace limit" : $"classroom {Classroom} {separator} paced to {UnlockTo}";

    private static int IndexOf(Catalogue.Catalogue catalogue, string lessonId)
    {
        for (var i = 0; i < catalogue.Lessons.Count; i++)
            if (catalogue.Lessons[i].Id == lessonId) return i;
        return -1;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
