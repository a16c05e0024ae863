using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>One-shot snapshot (a LIST per kind) for <c>tutor check</c> without waiting.</summary>
public static class SnapshotReader
{
    /// <summary>
    /// Lists every kind: namespaced kinds in <paramref name="learnerNamespace"/>, cluster-scoped kinds cluster-wide.
    /// Kinds the cluster does not serve, and diagnosis-only kinds the learner may not list, read as empty. An unreachable cluster gives <see cref="ClusterSnapshot.Unreachable"/>;
    /// other refusals (403, say) are thrown as <see cref="ClusterException"/>.
    /// </summary>
    public static Task<ClusterSnapshot> ReadAsync(ClusterConnection connection, IEnumerable<ResourceKind> kinds, string learnerNamespace,
        CancellationToken cancellationToken = default) =>
        ReadAsync(connection, kinds, [], learnerNamespace, cancellationToken);

    /// <summary>As above, and the authorizer's answers to <paramref name="questions"/> (the <c>canI</c> checks') with them.</summary>
    public static async Task<ClusterSnapshot> ReadAsync(ClusterConnection connection, IEnumerable<ResourceKind> kinds, IReadOnlyCollection<AccessQuestion> questions,
        string learnerNamespace, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<AccessQuestion, AccessAnswer> answers;
        IReadOnlyList<KeyValuePair<ResourceKind, IEnumerable<JsonObject>>> objects;
        try
        {
            // All kinds at once: a check of six kinds costs one round trip of discovery and one of lists, not twelve.
            objects = await Task.WhenAll(kinds.Distinct().Select(async kind =>
            {
                var resource = await connection.Resources.TryResolveAsync(kind, cancellationToken).ConfigureAwait(false);
                if (resource is null) return new KeyValuePair<ResourceKind, IEnumerable<JsonObject>>(kind, []);
                try
                {
                    var list = await ListWatchClient.ListAsync(connection, resource, resource.Namespaced ? learnerNamespace : null, cancellationToken).ConfigureAwait(false);
                    return new KeyValuePair<ResourceKind, IEnumerable<JsonObject>>(kind, list.Items);
                }
                catch (ClusterException e) when (e.Failure == ClusterFailure.Forbidden && WellKnownKinds.IsDiagnosisOnly(kind))
                {
                    // Read only to explain a failure (see WellKnownKinds.IsDiagnosisOnly): without the right, it reads as empty.
                    return new KeyValuePair<ResourceKind, IEnumerable<JsonObject>>(kind, []);
                }
            })).ConfigureAwait(false);
            answers = questions.Count == 0 ? new Dictionary<AccessQuestion, AccessAnswer>()
                : await AccessReviewer.AskAsync(connection, questions, learnerNamespace, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.Unreachable)
        {
            return ClusterSnapshot.Unreachable(learnerNamespace);
        }

        return SnapshotBuilder.Build(learnerNamespace, objects).WithAnswers(answers);
    }
}
