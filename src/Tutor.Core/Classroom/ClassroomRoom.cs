using System.Text.Json.Nodes;

namespace Tutor.Core.Classroom;

/// <summary>
/// A whole classroom read from the cluster: the learners' namespaces (by <see cref="ClassroomNames.ClassroomLabel"/>),
/// each with its published progress, and the room's pace. Built from plain objects, so it is tested without a server.
/// </summary>
public sealed record ClassroomRoom(string Classroom, IReadOnlyList<ClassroomLearner> Learners)
{
    /// <summary>
    /// The room's pace: what most learners' classroom ConfigMaps say (they agree unless a pace change is half written),
    /// null when none sets a limit.
    /// </summary>
    public string? UnlockTo => Learners.Where(l => l.UnlockTo is not null).GroupBy(l => l.UnlockTo)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

    /// <param name="namespaces">Namespaces labelled with the classroom; their learner label names the learner.</param>
    /// <param name="configMaps">The room's ConfigMaps (classroom and progress) from any namespace; others are ignored.</param>
    public static ClassroomRoom From(string classroom, IEnumerable<JsonObject> namespaces, IEnumerable<JsonObject> configMaps)
    {
        var byNamespace = configMaps
            .Where(c => Label(c, ClassroomNames.ClassroomLabel) is null || Label(c, ClassroomNames.ClassroomLabel) == classroom)
            .GroupBy(c => Text(c["metadata"]?["namespace"]) ?? "")
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var learners = new List<ClassroomLearner>();
        foreach (var ns in namespaces)
        {
            if (Label(ns, ClassroomNames.ClassroomLabel) != classroom || Text(ns["metadata"]?["name"]) is not { } name) continue;
            if (ns["metadata"]?["deletionTimestamp"] is not null) continue;
            var maps = byNamespace.GetValueOrDefault(name) ?? [];
            var record = ClassroomProgressJson.Read(Text(Named(maps, ClassroomNames.ProgressConfigMap)?["data"]?[ClassroomNames.ProgressKey]));
            var pace = Named(maps, ClassroomNames.ClassroomConfigMap) is { } classroomMap ? ClassroomPace.FromConfigMap(classroomMap) : null;
            var learner = Label(ns, ClassroomNames.LearnerLabel) ?? record?.Learner ?? name;
            learners.Add(new ClassroomLearner(learner, name, record, pace?.UnlockTo));
        }

        return new ClassroomRoom(classroom, learners.OrderBy(l => l.Name, StringComparer.Ordinal).ToList());
    }

    private static JsonObject? Named(List<JsonObject> maps, string name) => maps.FirstOrDefault(m => Text(m["metadata"]?["name"]) == name);

    private static string? Label(JsonObject item, string key) => Text(item["metadata"]?["labels"]?[key]);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
