using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Classroom;

/// <summary>
/// What a classroom keeps in a learner's namespace besides the lesson: the learner's account and rights, quota,
/// and the two ConfigMaps of the contract. Resetting a lesson must leave these alone, or the learner's own
/// token would die with their ServiceAccount and the room would lose its pace and progress.
/// </summary>
public static class ClassroomObjects
{
    public static bool IsClassroomObject(ResourceKind kind, JsonObject item)
    {
        if (item["metadata"]?["labels"]?[ClassroomNames.ClassroomLabel] is not null) return true;
        var name = item["metadata"]?["name"]?.GetValue<string>();
        return (kind.ApiVersion, kind.Kind) switch
        {
            ("v1", "ConfigMap") => name is ClassroomNames.ClassroomConfigMap or ClassroomNames.ProgressConfigMap,
            _ => false,
        };
    }
}
