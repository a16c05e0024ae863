using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>One-shot snapshot (a LIST per kind) for <c>tutor check</c> without waiting.</summary>
public static class SnapshotReader
{
    /// <summary>
    /// Lists every kind: namespaced kinds in <paramref name="learnerNamespace"/>, cluster-scoped kinds cluster-wide.
    /// Kinds the cluster does not serve read as empty. An unreachable cluster gives <see cref="ClusterSnapshot.Unreachable"/>;
    /// other refusals (403, say) are thrown as <see cref="ClusterException"/>.
    /// </summary>
    public static async Task<ClusterSnapshot> ReadAsync(ClusterConnection connection, IEnumerable<ResourceKind> kinds, string learnerNamespace,
        CancellationToken cancellationToken = default)
    {
        var objects = new List<KeyValuePair<ResourceKind, IEnumerable<JsonObject>>>();
        try
        {
            foreach (var kind in kinds.Distinct())
            {
                var resource = await connection.Resources.TryResolveAsync(kind, cancellationToken).ConfigureAwait(false);
                if (resource is null)
                {
                    objects.Add(new(kind, []));
                    continue;
                }

                var list = await ListWatchClient.ListAsync(connection, resource, resource.Namespaced ? learnerNamespace : null, cancellationToken).ConfigureAwait(false);
                objects.Add(new(kind, list.Items));
            }
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.Unreachable)
        {
            return ClusterSnapshot.Unreachable(learnerNamespace);
        }

        return SnapshotBuilder.Build(learnerNamespace, objects);
    }
}
