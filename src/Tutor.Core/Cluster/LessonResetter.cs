using k8s;
using k8s.Autorest;
using k8s.Models;
using Tutor.Core.Checks;
using Tutor.Core.Manifests;

namespace Tutor.Core.Cluster;

/// <summary>
/// Puts the learner's namespace back to a lesson's starting state: deletes the lesson kinds' objects in it,
/// waits until they are gone, then applies the lesson's setup. Refuses, deleting nothing, unless
/// <see cref="NamespaceGuard"/> says the namespace is Tutor's.
/// </summary>
public sealed class LessonResetter
{
    private const int MaxRounds = 3;
    private static readonly ResourceKind NamespaceKind = new("v1", "Namespace");
    private readonly ClusterConnection _connection;
    private readonly ManifestApplier _applier;

    public LessonResetter(ClusterConnection connection)
    {
        _connection = connection;
        _applier = new ManifestApplier(connection);
    }

    /// <summary>How long to wait for deleted objects to disappear before giving up with a message.</summary>
    public TimeSpan DeletionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public async Task<ResetResult> ResetAsync(string learnerNamespace, IReadOnlyList<ManifestObject> setup, CancellationToken cancellationToken = default)
    {
        var deleted = new List<string>();
        try
        {
            var verdict = await NamespaceGuard.CheckAsync(_connection, learnerNamespace, cancellationToken).ConfigureAwait(false);
            if (verdict.Exists && !verdict.IsTutors) return ResetResult.Refused($"refusing to reset: {verdict.Reason}");

            // A namespace that does not exist yet has nothing to delete; applying the setup creates it with Tutor's labels.
            if (verdict.Exists)
            {
                var error = await DeleteLessonObjectsAsync(learnerNamespace, deleted, cancellationToken).ConfigureAwait(false);
                if (error is not null) return new ResetResult(deleted, null, error);
            }

            var applied = await _applier.ApplyAsync(setup, learnerNamespace, cancellationToken).ConfigureAwait(false);
            return new ResetResult(deleted, applied, null);
        }
        catch (ClusterException e)
        {
            return new ResetResult(deleted, null, e.Message, e.Failure);
        }
    }

    /// <summary>
    /// Deletes the named objects from the learner's namespace (only if it is Tutor's) and waits until they are
    /// gone; objects already absent are fine. Returns the references deleted, or the reason it stopped.
    /// </summary>
    public async Task<ResetResult> RemoveAsync(string learnerNamespace, IReadOnlyList<ResourceRef> objects, CancellationToken cancellationToken = default)
    {
        var deleted = new List<string>();
        if (objects.Count == 0) return new ResetResult(deleted, null, null);
        try
        {
            var verdict = await NamespaceGuard.CheckAsync(_connection, learnerNamespace, cancellationToken).ConfigureAwait(false);
            if (!verdict.Exists) return new ResetResult(deleted, null, null);
            if (!verdict.IsTutors) return ResetResult.Refused($"refusing to delete: {verdict.Reason}");
            foreach (var group in objects.GroupBy(o => o.Kind))
            {
                var resource = await _connection.Resources.ResolveAsync(group.Key, cancellationToken).ConfigureAwait(false);
                if (!resource.Namespaced) return ResetResult.Refused($"refusing to delete cluster-scoped {resource.Plural}: only objects in namespace {learnerNamespace} may be removed");
                var names = group.Select(o => o.Name).Distinct().ToList();
                foreach (var name in names)
                {
                    await DeleteAsync(resource, learnerNamespace, name, cancellationToken).ConfigureAwait(false);
                    deleted.Add(resource.Reference(name));
                }

                var left = await DeletionWaiter.WaitGoneAsync(_connection, resource, learnerNamespace, names, DeletionTimeout, cancellationToken).ConfigureAwait(false);
                if (left.Count > 0) return new ResetResult(deleted, null, $"timed out waiting for {string.Join(", ", left)} to be deleted");
            }

            return new ResetResult(deleted, null, null);
        }
        catch (ClusterException e)
        {
            return new ResetResult(deleted, null, e.Message, e.Failure);
        }
    }

    /// <summary>Deletes the learner's namespace itself (only if Tutor's) and waits until it is gone.</summary>
    public async Task<ResetResult> ResetAllAsync(string learnerNamespace, CancellationToken cancellationToken = default)
    {
        try
        {
            var verdict = await NamespaceGuard.CheckAsync(_connection, learnerNamespace, cancellationToken).ConfigureAwait(false);
            if (!verdict.Exists) return new ResetResult([], null, null);
            if (!verdict.IsTutors) return ResetResult.Refused($"refusing to delete: {verdict.Reason}");

            var resource = await _connection.Resources.ResolveAsync(NamespaceKind, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(resource, null, learnerNamespace, cancellationToken).ConfigureAwait(false);
            var left = await DeletionWaiter.WaitGoneAsync(_connection, resource, null, [learnerNamespace], DeletionTimeout, cancellationToken,
                $"metadata.name={learnerNamespace}").ConfigureAwait(false);
            var reference = resource.Reference(learnerNamespace);
            return left.Count == 0
                ? new ResetResult([reference], null, null)
                : new ResetResult([reference], null, $"{reference} is still terminating after {DeletionTimeout.TotalSeconds:0} s; look for finalizers with kubectl get namespace {learnerNamespace} -o yaml");
        }
        catch (ClusterException e)
        {
            return new ResetResult([], null, e.Message, e.Failure);
        }
    }

    private async Task<string?> DeleteLessonObjectsAsync(string learnerNamespace, List<string> deleted, CancellationToken cancellationToken)
    {
        var resources = new List<ApiResource>();
        foreach (var kind in LessonKinds.ResetOrder)
        {
            // Kinds this cluster does not serve cannot hold anything to delete.
            if (await _connection.Resources.TryResolveAsync(kind, cancellationToken).ConfigureAwait(false) is { Namespaced: true } resource)
            {
                resources.Add(resource);
            }
        }

        // Controllers may recreate a Pod between listing and deleting its ReplicaSet; a second round catches those.
        for (var round = 0; round < MaxRounds; round++)
        {
            var pending = new List<(ApiResource Resource, List<string> Names)>();
            foreach (var resource in resources)
            {
                var list = await ListWatchClient.ListAsync(_connection, resource, learnerNamespace, cancellationToken).ConfigureAwait(false);
                var names = new List<string>();
                foreach (var item in list.Items)
                {
                    if (LessonKinds.IsManagedByCluster(resource.Kind, item)) continue;
                    // What a classroom provisioned (the learner's Role, the pace, the published progress) outlives every lesson.
                    if (item["metadata"]?["labels"]?[Classroom.ClassroomNames.ClassroomLabel] is not null) continue;
                    // Objects already being deleted are only waited for.
                    if (item["metadata"]?["name"]?.GetValue<string>() is not { } name) continue;
                    if (item["metadata"]?["deletionTimestamp"] is null)
                    {
                        await DeleteAsync(resource, learnerNamespace, name, cancellationToken).ConfigureAwait(false);
                        deleted.Add(resource.Reference(name));
                    }

                    names.Add(name);
                }

                if (names.Count > 0) pending.Add((resource, names));
            }

            if (pending.Count == 0) return null;

            var waits = pending.Select(async p =>
                (p.Resource, Left: await DeletionWaiter.WaitGoneAsync(_connection, p.Resource, learnerNamespace, p.Names, DeletionTimeout, cancellationToken).ConfigureAwait(false)));
            var stuck = (await Task.WhenAll(waits).ConfigureAwait(false))
                .SelectMany(w => w.Left.Select(name => w.Resource.Reference(name)))
                .ToList();
            if (stuck.Count > 0)
            {
                return $"timed out after {DeletionTimeout.TotalSeconds:0} s waiting for {string.Join(", ", stuck)} to be deleted in namespace {learnerNamespace}";
            }
        }

        return null;
    }

    private async Task DeleteAsync(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var options = new V1DeleteOptions { PropagationPolicy = "Background" };
        var kind = resource.Kind;
        try
        {
            if (@namespace is null)
            {
                await _connection.Client.CustomObjects.DeleteClusterCustomObjectAsync(kind.Group, kind.Version, resource.Plural, name, options,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _connection.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(kind.Group, kind.Version, @namespace, resource.Plural, name, options,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone (garbage-collected with its owner): that is what we wanted.
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ClusterErrors.From(e, _connection.Server, $"delete {resource.Reference(name)}{(@namespace is null ? "" : $" in namespace {@namespace}")}");
        }
    }
}
