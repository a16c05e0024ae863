using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Keeps one EndpointSlice (discovery.k8s.io/v1) for every Service with a selector, beside its Endpoints:
/// labelled with the Service's name, owned by the Service, one endpoint per matching Pod with its
/// ready / serving / terminating conditions (a Pod being deleted stays listed as terminating).
/// </summary>
public sealed class EndpointSliceController : IReconciler
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    private const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    private const string ManagedBy = "endpointslice-controller.k8s.io";

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.Service)
            loop.Enqueue(this, new ObjectKey(ResourceTypes.Service, change.Namespace, change.Name));
        else if (change.Resource == ResourceTypes.Pod)
            foreach (var service in loop.Store.List(ResourceTypes.Service, change.Namespace).Items)
                loop.Enqueue(this, Meta.Key(ResourceTypes.Service, service));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var service = loop.Store.Get(key);
        var selector = service?["spec"]?["selector"] as JsonObject;
        var existing = loop.Store.List(ResourceTypes.EndpointSlice, key.Namespace).Items
            .FirstOrDefault(s => s["metadata"]?["labels"]?[ServiceNameLabel]?.GetValue<string>() == key.Name
                                 && s["metadata"]?["labels"]?[ManagedByLabel]?.GetValue<string>() == ManagedBy);
        if (service is null || selector is null || selector.Count == 0)
        {
            if (existing is not null) loop.Store.Delete(Meta.Key(ResourceTypes.EndpointSlice, existing));
            return;
        }

        var pods = loop.Store.List(ResourceTypes.Pod, key.Namespace).Items
            .Where(p => PodState.Ip(p) is not null && PodState.Phase(p) is not ("Succeeded" or "Failed"))
            .Where(p => Meta.Selects(selector, Meta.Labels(p["metadata"]?["labels"])))
            .OrderBy(PodState.Ip, StringComparer.Ordinal).ToList();

        var ports = new JsonArray();
        foreach (var port in (service["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var target = port["targetPort"] ?? port["port"];
            var number = Meta.IntOrNull(target) ?? EndpointsController.ResolveNamed(target is JsonValue text && text.TryGetValue<string>(out var named) ? named : null, pods);
            if (number is null) continue;
            ports.Add(new JsonObject { ["name"] = port["name"]?.DeepClone() ?? "", ["port"] = number, ["protocol"] = port["protocol"]?.DeepClone() ?? "TCP" });
        }

        var endpoints = new JsonArray(pods.Select(p =>
        {
            var terminating = Meta.IsDeleting(p);
            var ready = PodState.IsReady(p);
            return (JsonNode)new JsonObject
            {
                ["addresses"] = new JsonArray(PodState.Ip(p)),
                ["conditions"] = new JsonObject { ["ready"] = ready && !terminating, ["serving"] = ready, ["terminating"] = terminating },
                ["nodeName"] = p["spec"]?["nodeName"]?.DeepClone(),
                ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = Meta.Name(p), ["namespace"] = Meta.Namespace(p), ["uid"] = Meta.Uid(p) },
            };
        }).ToArray());

        var labels = service["metadata"]?["labels"]?.DeepClone() as JsonObject ?? new JsonObject();
        labels[ServiceNameLabel] = key.Name;
        labels[ManagedByLabel] = ManagedBy;
        if (existing is null)
        {
            loop.Store.Create(ResourceTypes.EndpointSlice, new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["generateName"] = key.Name + "-",
                    ["namespace"] = key.Namespace,
                    ["labels"] = labels,
                    ["ownerReferences"] = Meta.OwnerReference(service),
                },
                ["addressType"] = "IPv4",
                ["endpoints"] = endpoints,
                ["ports"] = ports,
            });
            return;
        }

        loop.Store.Mutate(Meta.Key(ResourceTypes.EndpointSlice, existing), s =>
        {
            var changed = Meta.Set(s["metadata"]!.AsObject(), "labels", labels);
            changed |= Meta.Set(s, "endpoints", endpoints);
            changed |= Meta.Set(s, "ports", ports);
            return changed;
        });
    }
}
