using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Keeps an Endpoints object for every Service with a selector: ready matching Pods under addresses, the
/// others under notReadyAddresses, and each port's targetPort resolved (a named one from the Pods' ports).
/// </summary>
public sealed class EndpointsController : IReconciler
{
    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.Service)
        {
            loop.Enqueue(this, new ObjectKey(ResourceTypes.Service, change.Namespace, change.Name));
        }
        else if (change.Resource == ResourceTypes.Pod)
        {
            foreach (var service in loop.Store.List(ResourceTypes.Service, change.Namespace).Items)
                loop.Enqueue(this, Meta.Key(ResourceTypes.Service, service));
        }
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var endpointsKey = new ObjectKey(ResourceTypes.Endpoints, key.Namespace, key.Name);
        var service = loop.Store.Get(key);
        var selector = service?["spec"]?["selector"] as JsonObject;
        if (service is null || selector is null || selector.Count == 0)
        {
            // Without a selector the Endpoints are the user's to write (or, with no Service, gone).
            if (service is null && loop.Store.Get(endpointsKey)?["metadata"]?["labels"]?["endpoints.sandbox/managed"] is not null)
                loop.Store.Delete(endpointsKey);
            return;
        }

        var pods = loop.Store.List(ResourceTypes.Pod, key.Namespace).Items
            .Where(p => !Meta.IsDeleting(p) && PodState.Ip(p) is not null && PodState.Phase(p) is not ("Succeeded" or "Failed"))
            .Where(p => Meta.Selects(selector, Meta.Labels(p["metadata"]?["labels"])))
            .OrderBy(PodState.Ip, StringComparer.Ordinal).ToList();
        var ready = pods.Where(PodState.IsReady).ToList();
        var notReady = pods.Where(p => !PodState.IsReady(p)).ToList();

        var ports = new JsonArray();
        foreach (var port in (service["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var target = port["targetPort"] ?? port["port"];
            var number = Meta.IntOrNull(target) ?? ResolveNamed(target is JsonValue text && text.TryGetValue<string>(out var named) ? named : null, pods);
            if (number is null) continue;
            var entry = new JsonObject { ["port"] = number, ["protocol"] = port["protocol"]?.DeepClone() ?? "TCP" };
            if (port["name"] is { } name) entry["name"] = name.DeepClone();
            ports.Add(entry);
        }

        var subsets = new JsonArray();
        if (pods.Count > 0 && ports.Count > 0)
        {
            var subset = new JsonObject();
            if (ready.Count > 0) subset["addresses"] = Addresses(ready);
            if (notReady.Count > 0) subset["notReadyAddresses"] = Addresses(notReady);
            subset["ports"] = ports;
            subsets.Add(subset);
        }

        var labels = service["metadata"]?["labels"]?.DeepClone() as JsonObject ?? new JsonObject();
        labels["endpoints.sandbox/managed"] = "true";
        var existing = loop.Store.Get(endpointsKey);
        if (existing is null)
        {
            var created = new JsonObject { ["metadata"] = new JsonObject { ["name"] = key.Name, ["namespace"] = key.Namespace, ["labels"] = labels } };
            if (subsets.Count > 0) created["subsets"] = subsets;
            try
            {
                loop.Store.Create(ResourceTypes.Endpoints, created);
            }
            catch (StoreConflictException)
            {
            }

            return;
        }

        loop.Store.Mutate(endpointsKey, e =>
        {
            var changed = Meta.Set(e["metadata"]!.AsObject(), "labels", labels);
            if (subsets.Count > 0) changed |= Meta.Set(e, "subsets", subsets);
            else if (e.Remove("subsets")) changed = true;
            return changed;
        });
    }

    internal static int? ResolveNamed(string? name, List<JsonObject> pods)
    {
        foreach (var pod in pods)
            foreach (var container in (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>() ?? [])
                foreach (var port in (container["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    if (port["name"]?.GetValue<string>() == name) return Meta.Int(port["containerPort"]);
        return null;
    }

    private static JsonArray Addresses(List<JsonObject> pods) => new(pods.Select(p => (JsonNode)new JsonObject
    {
        ["ip"] = PodState.Ip(p),
        ["nodeName"] = p["spec"]?["nodeName"]?.DeepClone(),
        ["targetRef"] = new JsonObject
        {
            ["kind"] = "Pod",
            ["name"] = Meta.Name(p),
            ["namespace"] = Meta.Namespace(p),
            ["uid"] = Meta.Uid(p),
        },
    }).ToArray());
}
