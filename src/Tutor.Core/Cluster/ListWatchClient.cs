using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Tutor.Core.Cluster;

/// <summary>
/// LIST and WATCH of any kind as raw JSON. These go through <see cref="ClusterConnection.SendAsync"/>
/// (the client's own HttpClient and credentials) rather than KubernetesClient's typed Watch helper because
/// the checker needs the untyped objects as the server sent them, the list's resourceVersion, and the 410
/// Gone of an ERROR event as data to act on (re-list), which the typed watcher only reports as an exception.
/// </summary>
public static class ListWatchClient
{
    public static async Task<ObjectList> ListAsync(ClusterConnection connection, ApiResource resource, string? @namespace, CancellationToken cancellationToken,
        string? fieldSelector = null, string? labelSelector = null)
    {
        var where = resource.Namespaced && @namespace is not null ? $" in namespace {@namespace}" : "";
        var path = ApiPaths.WithQuery(ApiPaths.Collection(resource, @namespace), ("fieldSelector", fieldSelector), ("labelSelector", labelSelector));
        var json = await connection.GetJsonAsync(path, $"list {resource.Plural}{where}", cancellationToken).ConfigureAwait(false);
        var items = new List<JsonObject>();
        if (json["items"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                var copy = (JsonObject)item.DeepClone();
                // A real API server leaves apiVersion and kind off list items; checks read them, so they are put back.
                copy["apiVersion"] ??= resource.Kind.ApiVersion;
                copy["kind"] ??= resource.Kind.Kind;
                items.Add(copy);
            }
        }

        return new ObjectList(items, json["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "");
    }

    /// <summary>
    /// Streams events from <paramref name="resourceVersion"/> until the server ends the watch (after
    /// <paramref name="timeoutSeconds"/>) or the connection drops (a <see cref="ClusterException"/>).
    /// </summary>
    public static async IAsyncEnumerable<WatchEvent> WatchAsync(ClusterConnection connection, ApiResource resource, string? @namespace,
        string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken, string? fieldSelector = null, string? labelSelector = null)
    {
        var action = $"watch {resource.Plural}{(resource.Namespaced && @namespace is not null ? $" in namespace {@namespace}" : "")}";
        var path = ApiPaths.WithQuery(ApiPaths.Collection(resource, @namespace),
            ("watch", "true"),
            ("fieldSelector", fieldSelector),
            ("labelSelector", labelSelector),
            ("resourceVersion", string.IsNullOrEmpty(resourceVersion) ? null : resourceVersion),
            ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var response = await Guard(() => connection.SendAsync(HttpMethod.Get, path, HttpCompletionOption.ResponseHeadersRead, cancellationToken),
            connection, action, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await Guard(() => response.Content.ReadAsStringAsync(cancellationToken), connection, action, cancellationToken).ConfigureAwait(false);
            throw ClusterErrors.FromStatus((int)response.StatusCode, body, action);
        }

        await using var stream = await Guard(() => response.Content.ReadAsStreamAsync(cancellationToken), connection, action, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (true)
        {
            var line = await Guard(() => reader.ReadLineAsync(cancellationToken).AsTask(), connection, action, cancellationToken).ConfigureAwait(false);
            if (line is null) yield break;
            WatchEvent? parsed;
            try
            {
                parsed = WatchEvent.Parse(line);
            }
            catch (FormatException e)
            {
                throw new ClusterException(ClusterFailure.Rejected, $"cannot {action}: {e.Message}", null, e);
            }

            if (parsed is not null) yield return parsed;
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> operation, ClusterConnection connection, string action, CancellationToken cancellationToken)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ClusterErrors.From(e, connection.Server, action);
        }
    }
}
