using System.Net;
using k8s;
using k8s.Autorest;
using Tutor.Core.Cluster;
using Tutor.Core.Manifests;

namespace Tutor.Core.Classroom;

/// <summary>
/// Resets one lesson in a learner's namespace as <c>tutor reset</c> does (the classroom's own objects are kept),
/// then clears the lesson from the learner's published progress, which their Tutor reads back.
/// </summary>
public sealed class ClassroomResetter(ClusterConnection connection)
{
    private const int Attempts = 3;
    private readonly LessonResetter _resetter = new(connection);

    public async Task<ResetResult> ResetAsync(RoomLearner learner, string lessonId, IReadOnlyList<ManifestObject> setup, CancellationToken cancellationToken)
    {
        var result = await _resetter.ResetAsync(learner.Namespace, setup, cancellationToken).ConfigureAwait(false);
        if (!result.Ok) return result;
        try
        {
            await ForgetLessonAsync(learner.Namespace, lessonId, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            var error = ClusterErrors.From(e, connection.Server, $"update configmap/{ClassroomNames.ProgressConfigMap} in namespace {learner.Namespace}");
            return new ResetResult(result.Deleted, result.Setup, error.Message, error.Failure);
        }
    }

    /// <summary>Rewrites the progress record without the lesson; a record changed meanwhile by the learner's Tutor is read again.</summary>
    private async Task ForgetLessonAsync(string ns, string lessonId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            k8s.Models.V1ConfigMap map;
            try
            {
                map = await connection.Client.CoreV1.ReadNamespacedConfigMapAsync(ClassroomNames.ProgressConfigMap, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            if (map.Data?.TryGetValue(ClassroomNames.ProgressKey, out var json) != true) return;
            if (ProgressRecordReset.ForgetLesson(json!, lessonId, DateTimeOffset.UtcNow) is not { } forgotten) return;
            map.Data[ClassroomNames.ProgressKey] = forgotten;
            try
            {
                await connection.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, ClassroomNames.ProgressConfigMap, ns, fieldManager: LearnerObjects.FieldManager,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                // The learner's Tutor wrote in between; read its newer record and forget the lesson there.
            }
        }
    }
}
