using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>Writes the room's pace into a learner's classroom ConfigMap; an empty value lifts the limit.</summary>
public sealed class ClassroomPacer(ClusterConnection connection)
{
    public async Task SetAsync(RoomLearner learner, string unlockTo, CancellationToken cancellationToken)
    {
        var patch = new JsonObject { ["data"] = new JsonObject { [ClassroomNames.UnlockToKey] = unlockTo } };
        try
        {
            // A merge patch of the one key: the classroom name and anything else in the ConfigMap stay as they are.
            await connection.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                ClassroomNames.ClassroomConfigMap, learner.Namespace, fieldManager: LearnerObjects.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
        {
            throw ClusterErrors.From(e, connection.Server, $"update configmap/{ClassroomNames.ClassroomConfigMap} in namespace {learner.Namespace}");
        }
    }
}
