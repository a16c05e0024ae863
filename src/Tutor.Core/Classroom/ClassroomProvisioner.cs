using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// The cluster side of provision: reads what stands (<see cref="ObserveAsync"/>) for <see cref="ProvisionPlanner"/>,
/// then carries out a plan learner by learner: server-side apply of the objects, a token from the TokenRequest
/// API, and the learner's kubeconfig written readable by its owner alone.
/// </summary>
public sealed class ClassroomProvisioner(ClusterConnection connection)
{
    private static readonly ApiResource[] Kept =
    [
        LearnerObjects.ServiceAccounts, LearnerObjects.Roles, LearnerObjects.RoleBindings,
        LearnerObjects.ResourceQuotas, LearnerObjects.LimitRanges, LearnerObjects.ConfigMaps,
    ];

    /// <summary>
    /// Every namespace (so one of the same name that is not the classroom's is noticed), the classroom's labelled
    /// objects, and the kubeconfig files in <paramref name="outDirectory"/>.
    /// </summary>
    public async Task<ObservedRoom> ObserveAsync(string classroom, IReadOnlyList<string> learners, string outDirectory, CancellationToken cancellationToken)
    {
        var objects = new Dictionary<string, JsonObject>();
        void Add(ApiResource resource, IEnumerable<JsonObject> items)
        {
            foreach (var item in items)
            {
                var name = item["metadata"]?["name"]?.GetValue<string>() ?? "";
                var ns = resource.Namespaced ? item["metadata"]?["namespace"]?.GetValue<string>() : null;
                objects[ObservedRoom.Key(resource, ns, name)] = item;
            }
        }

        Add(LearnerObjects.Namespaces, (await ListWatchClient.ListAsync(connection, LearnerObjects.Namespaces, null, cancellationToken).ConfigureAwait(false)).Items);
        var selector = ClassroomNamespaces.Selector(classroom);
        foreach (var resource in Kept)
        {
            Add(resource, (await ListWatchClient.ListAsync(connection, resource, null, cancellationToken, labelSelector: selector).ConfigureAwait(false)).Items);
        }

        var kubeconfigs = new Dictionary<string, string>();
        foreach (var learner in learners)
        {
            var path = Path.Combine(outDirectory, LearnerKubeconfig.FileName(learner));
            if (File.Exists(path)) kubeconfigs[learner] = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }

        return new ObservedRoom(objects, kubeconfigs);
    }

    public async Task<ProvisionResult> ApplyAsync(ProvisionPlan plan, ClusterEndpoint endpoint, TimeSpan tokenLifetime, string outDirectory,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = new List<string>();
        var pending = plan.Pending;
        for (var i = 0; i < pending.Count; i++)
        {
            var learner = pending[i];
            var partial = new List<string>();
            var step = "";
            var local = false;
            try
            {
                foreach (var change in learner.Changes)
                {
                    step = $"apply {change.Object.Reference}" + (change.Object.Namespace is null ? "" : $" in namespace {change.Object.Namespace}");
                    await ApplyOneAsync(change.Object, cancellationToken).ConfigureAwait(false);
                    partial.Add(change.ToString());
                }

                if (learner.TokenReason is { } reason)
                {
                    step = $"request a token for serviceaccount/{ClassroomNames.LearnerObjectName} in namespace {learner.Namespace}";
                    var (token, expires) = await RequestTokenAsync(learner.Namespace, tokenLifetime, cancellationToken).ConfigureAwait(false);
                    step = $"write the kubeconfig of {learner.Learner}";
                    local = true;
                    var path = WriteKubeconfig(outDirectory, learner.Learner, LearnerKubeconfig.Render(plan.Classroom, learner.Learner, endpoint, token, expires));
                    partial.Add($"{path} written ({reason}; token valid until {expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
                }

                var line = $"{learner.Namespace}: {string.Join("; ", partial)}";
                done.Add(line);
                progress?.Invoke(line);
            }
            catch (Exception e) when (e is ClusterException or HttpOperationException or HttpRequestException or IOException or UnauthorizedAccessException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var notDone = pending.Skip(i).Select(l => l.Learner).ToList();
                if (local) return new ProvisionResult(done, partial, notDone, $"cannot {step}: {e.Message}");
                var error = ClusterErrors.From(e, connection.Server, step);
                return new ProvisionResult(done, partial, notDone, error.Message, error.Failure);
            }
        }

        return new ProvisionResult(done, [], [], null);
    }

    private async Task ApplyOneAsync(PlannedObject planned, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(planned.Body.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var kind = planned.Resource.Kind;
        if (planned.Namespace is null)
        {
            await connection.Client.CustomObjects.PatchClusterCustomObjectAsync<JsonObject>(patch, kind.Group, kind.Version, planned.Resource.Plural, planned.Name,
                fieldManager: LearnerObjects.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await connection.Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(patch, kind.Group, kind.Version, planned.Namespace,
                planned.Resource.Plural, planned.Name, fieldManager: LearnerObjects.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(string Token, DateTimeOffset Expires)> RequestTokenAsync(string ns, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var request = new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = (long)lifetime.TotalSeconds } };
        var issued = await connection.Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(request, ClassroomNames.LearnerObjectName, ns,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var expires = issued.Status.ExpirationTimestamp is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : DateTimeOffset.UtcNow + lifetime;
        return (issued.Status.Token, expires);
    }

    /// <summary>Writes the file through a temporary one created 0600, so the token is never readable by others, even for a moment.</summary>
    public static string WriteKubeconfig(string directory, string learner, string text)
    {
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(directory, LearnerKubeconfig.FileName(learner));
        var temp = Path.Combine(directory, $".{LearnerKubeconfig.FileName(learner)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var writer = new StreamWriter(temp, new System.Text.UTF8Encoding(false), options)) writer.Write(text);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return path;
    }
}
