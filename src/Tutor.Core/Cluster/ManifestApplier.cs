using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Manifests;

namespace Tutor.Core.Cluster;

/// <summary>
/// Applies manifest objects to the learner's namespace by server-side apply (field manager <c>tutor</c>,
/// force), the way <c>kubectl apply --server-side --force-conflicts</c> would. All objects are validated
/// before the first request that writes; namespaces go first, then the rest in file order.
/// </summary>
public sealed class ManifestApplier
{
    private static readonly ResourceKind NamespaceKind = new("v1", "Namespace");
    private readonly ClusterConnection _connection;

    public ManifestApplier(ClusterConnection connection) => _connection = connection;

    /// <summary>
    /// Before writing anything but the namespace, send every object once with dryRun=All so the API server's own
    /// validation (bad field values, immutable fields) stops the whole manifest instead of half of it.
    /// </summary>
    public bool ServerDryRun { get; init; } = true;

    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<ManifestObject> objects, string learnerNamespace, CancellationToken cancellationToken = default)
    {
        var served = new Dictionary<ResourceKind, ApiResource>();
        var notServed = new Dictionary<ResourceKind, string>();
        foreach (var kind in objects.Select(o => o.Kind).Append(NamespaceKind).Distinct())
        {
            ApiResource? resource;
            try
            {
                resource = await _connection.Resources.TryResolveAsync(kind, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterException e)
            {
                var first = objects.FirstOrDefault(o => o.Kind == kind);
                return ApplyResult.Failed(new Diagnostic(first?.File ?? "", first?.Line ?? 0, e.Message));
            }

            if (resource is not null) served[kind] = resource;
            else notServed[kind] = await _connection.Resources.ExplainNotServedAsync(kind, cancellationToken).ConfigureAwait(false);
        }

        var plan = ApplyPlanner.Plan(objects, learnerNamespace, served, notServed);
        if (!plan.Ok) return new ApplyResult([], plan.Errors);

        var applied = new List<ApplyOutcome>();
        try
        {
            if (!plan.CreatesLearnerNamespace && served.TryGetValue(NamespaceKind, out var namespaceResource)
                && !await ExistsAsync(namespaceResource, null, learnerNamespace, cancellationToken).ConfigureAwait(false))
            {
                // A lesson may start on its own (reset to lesson 230 on a fresh cluster): its namespace comes first.
                var body = ApplyPlanner.LearnerNamespaceBody(learnerNamespace);
                applied.Add(await ApplyOneAsync(new PlannedObject(null, namespaceResource, learnerNamespace, null, body), cancellationToken).ConfigureAwait(false));
            }

            var namespaces = plan.Objects.Where(o => o.Namespace is null && o.Resource.Kind == NamespaceKind).ToList();
            foreach (var planned in namespaces)
            {
                applied.Add(await ApplyOneAsync(planned, cancellationToken).ConfigureAwait(false));
            }

            // Namespaces must exist before a dry run of the objects in them can succeed, so only the rest is tried first.
            var rest = plan.Objects.Except(namespaces).ToList();
            if (ServerDryRun)
            {
                var refused = new List<Diagnostic>();
                foreach (var planned in rest)
                {
                    try
                    {
                        await ApplyOneAsync(planned, cancellationToken, dryRun: true).ConfigureAwait(false);
                    }
                    catch (ApplyFailedException e)
                    {
                        refused.Add(e.Diagnostic);
                    }
                }

                if (refused.Count > 0) return new ApplyResult(applied, refused);
            }

            foreach (var planned in rest)
            {
                applied.Add(await ApplyOneAsync(planned, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (ApplyFailedException e)
        {
            return new ApplyResult(applied, [e.Diagnostic]);
        }

        return new ApplyResult(applied, []);
    }

    private async Task<ApplyOutcome> ApplyOneAsync(PlannedObject planned, CancellationToken cancellationToken, bool dryRun = false)
    {
        var file = planned.Source?.File ?? "";
        var line = planned.Source?.Line ?? 0;
        try
        {
            var before = dryRun ? null : await GetAsync(planned.Resource, planned.Namespace, planned.Name, cancellationToken).ConfigureAwait(false);
            var dryRunMode = dryRun ? "All" : null;
            var patch = new V1Patch(planned.Body.ToJsonString(), V1Patch.PatchType.ApplyPatch);
            var kind = planned.Resource.Kind;
            JsonObject after = planned.Namespace is null
                ? await _connection.Client.CustomObjects.PatchClusterCustomObjectAsync<JsonObject>(patch, kind.Group, kind.Version,
                    planned.Resource.Plural, planned.Name, dryRun: dryRunMode, fieldManager: TutorLabels.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _connection.Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(patch, kind.Group, kind.Version,
                    planned.Namespace, planned.Resource.Plural, planned.Name, dryRun: dryRunMode, fieldManager: TutorLabels.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);

            var action = before is null ? ApplyAction.Created
                : ResourceVersion(before) is { } old && old == ResourceVersion(after) ? ApplyAction.Unchanged
                : ApplyAction.Configured;
            return new ApplyOutcome(planned.Reference, action);
        }
        catch (HttpOperationException e) when (e.Response is not null)
        {
            var status = ApiStatus.Parse(e.Response.Content, (int)e.Response.StatusCode);
            var message = string.IsNullOrWhiteSpace(status.Message) ? $"{(int)e.Response.StatusCode} {e.Response.ReasonPhrase}" : status.Message;
            var prefix = status.Code == 403 ? "you lack the right to apply it: " : "";
            throw new ApplyFailedException(new Diagnostic(file, line, $"{planned.Reference}: the cluster refused it: {prefix}{message}"));
        }
        catch (Exception e) when (e is not ApplyFailedException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            var error = ClusterErrors.From(e, _connection.Server, $"apply {planned.Reference}");
            throw new ApplyFailedException(new Diagnostic(file, line, $"{planned.Reference}: {error.Message}"));
        }
    }

    private async Task<bool> ExistsAsync(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken) =>
        await GetAsync(resource, @namespace, name, cancellationToken).ConfigureAwait(false) is not null;

    private async Task<JsonObject?> GetAsync(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.GetJsonAsync(ApiPaths.Item(resource, @namespace, name), $"read {resource.Reference(name)}", cancellationToken).ConfigureAwait(false) as JsonObject;
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.NotFound)
        {
            return null;
        }
    }

    private static string? ResourceVersion(JsonObject? json) => json?["metadata"]?["resourceVersion"]?.GetValue<string>();

    private sealed class ApplyFailedException(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }
}
