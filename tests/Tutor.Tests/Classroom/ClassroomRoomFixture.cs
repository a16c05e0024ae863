using k8s;
using k8s.Models;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;

namespace Tutor.Tests.Classroom;

/// <summary>
/// Builds a room by hand through KubernetesClient, as the instructor's provision would: a labelled namespace per learner
/// holding the classroom ConfigMap, and optionally a progress ConfigMap as a learner's Tutor would write it.
/// </summary>
internal static class ClassroomRoomFixture
{
    public static async Task<string> AddLearnerAsync(IKubernetes client, string classroom, string learner, string? unlockTo)
    {
        var ns = ClassroomNames.LearnerNamespace(classroom, learner);
        var labels = Labels(classroom, learner);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns, Labels = labels } });
        var data = new Dictionary<string, string> { [ClassroomNames.ClassroomKey] = classroom };
        if (unlockTo is not null) data[ClassroomNames.UnlockToKey] = unlockTo;
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = ClassroomNames.ClassroomConfigMap, Labels = labels },
            Data = data,
        }, ns);
        return ns;
    }

    public static async Task SetPaceAsync(IKubernetes client, string classroom, string learner, string unlockTo) =>
        await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch($"{{\"data\":{{\"{ClassroomNames.UnlockToKey}\":\"{unlockTo}\"}}}}", V1Patch.PatchType.MergePatch),
            ClassroomNames.ClassroomConfigMap, ClassroomNames.LearnerNamespace(classroom, learner));

    public static async Task WriteProgressAsync(IKubernetes client, string classroom, ClassroomProgressRecord record) =>
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = ClassroomNames.ProgressConfigMap, Labels = Labels(classroom, record.Learner) },
            Data = new Dictionary<string, string> { [ClassroomNames.ProgressKey] = ClassroomProgressJson.Write(record) },
        }, ClassroomNames.LearnerNamespace(classroom, record.Learner));

    public static async Task<ClassroomProgressRecord?> ReadProgressAsync(IKubernetes client, string classroom, string learner)
    {
        try
        {
            var map = await client.CoreV1.ReadNamespacedConfigMapAsync(ClassroomNames.ProgressConfigMap, ClassroomNames.LearnerNamespace(classroom, learner));
            return ClassroomProgressJson.Read(map.Data?[ClassroomNames.ProgressKey]);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Labels(string classroom, string learner) => new()
    {
        [ClassroomNames.ClassroomLabel] = classroom,
        [ClassroomNames.LearnerLabel] = learner,
        [TutorLabels.ManagedBy] = TutorLabels.ManagedByValue,
    };
}
