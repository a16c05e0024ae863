using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// What a Pod's resolver finds for a host name, searched as cluster DNS does from the Pod's namespace:
/// <c>db-0.db-headless</c> is the Pod db-0 behind the headless Service db-headless (published only while it is
/// ready), <c>db</c>, <c>db.shop</c> or <c>db.shop.svc.cluster.local</c> a Service.
/// </summary>
public static class ClusterDns
{
    /// <summary>The Service a name leads to and, for a Pod's own name, that Pod; null when the name does not resolve.</summary>
    public static (JsonObject Service, string? Pod)? Resolve(string host, string ns, ObjectStore store)
    {
        var parts = host.TrimEnd('.').Split('.');
        // <pod>.<service>[.<namespace>[.svc…]] is tried first: the search path puts the Pod's namespace after the name.
        if (parts.Length >= 2)
        {
            var podNs = parts.Length >= 3 && parts[2] != "svc" ? parts[2] : ns;
            if (store.Get(new ObjectKey(ResourceTypes.Service, podNs, parts[1])) is { } headless && ReadyAddress(headless, parts[0], store) is not null)
                return (headless, parts[0]);
        }

        var serviceNs = parts.Length >= 2 && parts[1] != "svc" ? parts[1] : ns;
        return store.Get(new ObjectKey(ResourceTypes.Service, serviceNs, parts[0])) is { } service ? (service, null) : null;
    }

    /// <summary>The ready address of <paramref name="pod"/> (any ready Pod when null) in the Service's Endpoints, or null.</summary>
    public static JsonObject? ReadyAddress(JsonObject service, string? pod, ObjectStore store) =>
        ((store.Get(new ObjectKey(ResourceTypes.Endpoints, Meta.Namespace(service), Meta.Name(service)))?["subsets"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .SelectMany(s => (s["addresses"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .FirstOrDefault(a => pod is null || a["targetRef"]?["name"]?.GetValue<string>() == pod);

    public static bool IsHeadless(JsonObject service) => service["spec"]?["clusterIP"]?.GetValue<string>() == "None";
}
