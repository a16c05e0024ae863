namespace Tutor.Core.Cluster;

/// <summary>
/// Waits until named objects are gone by LIST then WATCH for their DELETED events (what kubectl does by
/// polling, done here without polling). Re-lists when the watch ends or the server answers 410 Gone.
/// </summary>
public static class DeletionWaiter
{
    /// <summary>
    /// Returns the names still present when <paramref name="timeout"/> ran out (empty when all are gone). With
    /// <paramref name="uids"/>, a name counts as gone once the object of that uid is: a controller may already have
    /// made a new one of the same name (a StatefulSet's Pod), and that one is not what was deleted.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> WaitGoneAsync(ClusterConnection connection, ApiResource resource, string? @namespace,
        IEnumerable<string> names, TimeSpan timeout, CancellationToken cancellationToken, string? fieldSelector = null,
        IReadOnlyDictionary<string, string>? uids = null)
    {
        bool IsDeleted(System.Text.Json.Nodes.JsonObject item) =>
            uids is not null && NameOf(item) is { } name && uids.TryGetValue(name, out var uid) && UidOf(item) != uid;
        var remaining = new HashSet<string>(names);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = DateTime.UtcNow;
        try
        {
            while (remaining.Count > 0)
            {
                var list = await ListWatchClient.ListAsync(connection, resource, @namespace, deadline.Token, fieldSelector).ConfigureAwait(false);
                remaining.IntersectWith(list.Items.Where(i => !IsDeleted(i)).Select(NameOf).OfType<string>());
                if (remaining.Count == 0) break;

                var left = timeout - (DateTime.UtcNow - started);
                var seconds = Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
                try
                {
                    await foreach (var change in ListWatchClient.WatchAsync(connection, resource, @namespace, list.ResourceVersion, seconds, deadline.Token, fieldSelector)
                                       .ConfigureAwait(false))
                    {
                        if ((change.Type == WatchEvent.Deleted || IsDeleted(change.Object)) && NameOf(change.Object) is { } gone) remaining.Remove(gone);
                        if (remaining.Count == 0 || change.Type == WatchEvent.Error) break;
                    }
                }
                catch (ClusterException e) when (e.Failure == ClusterFailure.Gone)
                {
                    // Our resourceVersion is too old: the next LIST catches up.
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the caller words the message with what is left.
        }

        return remaining;
    }

    private static string? NameOf(System.Text.Json.Nodes.JsonObject item) => item["metadata"]?["name"]?.GetValue<string>();

    private static string? UidOf(System.Text.Json.Nodes.JsonObject item) => item["metadata"]?["uid"]?.GetValue<string>();
}
