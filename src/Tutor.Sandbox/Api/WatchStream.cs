using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tutor.Sandbox.Api.Selection;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// A watch: newline-delimited <c>{"type","object"}</c> events, one flush per event, nothing sent while
/// nothing changes. Without a resourceVersion the current objects come first as ADDED, as on a real server;
/// a resourceVersion older than the store's history ends the watch with an ERROR event carrying a 410.
/// </summary>
public static class WatchStream
{
    public static async Task ServeAsync(HttpContext context, ObjectStore store, ResourcePath path, LabelSelectorQuery labels, FieldSelectorQuery fields,
        string? resourceVersion, int? timeoutSeconds, CancellationToken stopping, Func<JsonObject, JsonObject>? render = null)
    {
        render ??= o => o;
        bool Wanted(StoreEvent e) =>
            e.Resource == path.Type
            && (path.Namespace is null || e.Namespace == path.Namespace)
            && (path.Name is null || e.Name == path.Name);

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds is > 0 ? timeoutSeconds.Value : 1800));

        long? since = long.TryParse(resourceVersion, out var v) && v > 0 ? v : null;
        StoreSubscription subscription;
        var initial = new List<JsonObject>();
        try
        {
            if (since is null)
            {
                // Subscribe first, then list: an event between the two is seen twice at worst, never lost.
                subscription = store.Subscribe(Wanted);
                var (items, _) = store.List(path.Type, path.Namespace);
                initial.AddRange(items.Where(o => path.Name is null || o["metadata"]?["name"]?.GetValue<string>() == path.Name));
            }
            else
            {
                subscription = store.Subscribe(Wanted, since);
            }
        }
        catch (StoreGoneException gone)
        {
            await WriteAsync(response, "ERROR", StatusBody.Failure(410, "Expired", gone.Message), timeout.Token);
            return;
        }

        using (subscription)
        {
            try
            {
                await response.StartAsync(timeout.Token);
                foreach (var obj in initial)
                    if (labels.Matches(obj) && fields.Matches(obj)) await WriteAsync(response, "ADDED", render(obj), timeout.Token);
                await response.Body.FlushAsync(timeout.Token);
                while (await subscription.Events.WaitToReadAsync(timeout.Token))
                {
                    while (subscription.Events.TryRead(out var e))
                        if (labels.Matches(e.Object) && fields.Matches(e.Object)) await WriteAsync(response, e.Type, render(e.Object), timeout.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Timeout, client gone or server stopping: the watch simply ends.
            }
        }
    }

    private static async Task WriteAsync(HttpResponse response, string type, JsonObject obj, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString() + "\n";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
