using System.Text.Json.Nodes;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// Finds a classroom's learners on the cluster, from their namespaces alone: labelled with the classroom and
/// managed by Tutor, and named <c>{classroom}-{learner}</c> after their learner label. A namespace that only
/// carries the labels, under another name, is not taken for the classroom's.
/// </summary>
public static class ClassroomNamespaces
{
    public static string Selector(string classroom) =>
        $"{ClassroomNames.ClassroomLabel}={classroom},{TutorLabels.ManagedBy}={TutorLabels.ManagedByValue}";

    public static async Task<IReadOnlyList<RoomLearner>> LearnersAsync(ClusterConnection connection, string classroom, CancellationToken cancellationToken)
    {
        var list = await ListWatchClient.ListAsync(connection, LearnerObjects.Namespaces, null, cancellationToken, labelSelector: Selector(classroom)).ConfigureAwait(false);
        return Learners(list.Items, classroom);
    }

    /// <summary>The namespaces among <paramref name="namespaces"/> that are <paramref name="classroom"/>'s learners', by learner name.</summary>
    public static IReadOnlyList<RoomLearner> Learners(IEnumerable<JsonObject> namespaces, string classroom)
    {
        var learners = new List<RoomLearner>();
        foreach (var ns in namespaces)
        {
            var name = ns["metadata"]?["name"]?.GetValue<string>();
            var labels = ns["metadata"]?["labels"];
            if (name is null || labels?[ClassroomNames.ClassroomLabel]?.GetValue<string>() != classroom) continue;
            if (labels[ClassroomNames.LearnerLabel]?.GetValue<string>() is not { } learner) continue;
            if (name != ClassroomNames.LearnerNamespace(classroom, learner) || !NamespaceGuard.Judge(ns).IsTutors) continue;
            learners.Add(new RoomLearner(learner, name));
        }

        return learners.OrderBy(l => l.Learner, StringComparer.Ordinal).ToList();
    }
}
