using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>Keeps a ReplicaSet's number of Pods, and reports how many are ready.</summary>
public sealed class ReplicaSetController : IReconciler
{
    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.ReplicaSet && change.Type != "DELETED")
            loop.Enqueue(this, Meta.Key(ResourceTypes.ReplicaSet, change.Object));
        else if (change.Resource == ResourceTypes.Pod && Meta.ControllerRef(change.Object) is { } owner && owner["kind"]?.GetValue<string>() == "ReplicaSet")
            loop.Enqueue(this, new ObjectKey(ResourceTypes.ReplicaSet, change.Namespace, owner["name"]!.GetValue<string>()));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var rs = loop.Store.Get(key);
        if (rs is null || Meta.IsDeleting(rs)) return;
        var uid = Meta.Uid(rs);
        var pods = loop.Store.List(ResourceTypes.Pod, key.Namespace).Items.Where(p => Meta.OwnedBy(p, uid) && PodState.IsActive(p)).ToList();
        var wanted = Meta.Int(rs["spec"]?["replicas"], 1);

        if (pods.Count < wanted)
        {
            for (var i = pods.Count; i < wanted; i++)
            {
                var pod = NewPod(rs);
                pods.Add(loop.Store.Create(ResourceTypes.Pod, pod));
                loop.Events.Normal(rs, "SuccessfulCreate", $"Created pod: {Meta.Name(pods[^1])}", "replicaset-controller");
            }
        }
        else if (pods.Count > wanted)
        {
            // Remove the least useful first: not yet scheduled, then not ready, then the youngest.
            var victims = pods
                .OrderBy(p => p["spec"]?["nodeName"] is null ? 0 : 1)
                .ThenBy(p => PodState.IsReady(p) ? 1 : 0)
                .ThenByDescending(p => p["metadata"]?["creationTimestamp"]?.GetValue<string>(), StringComparer.Ordinal)
                .Take(pods.Count - wanted).ToList();
            foreach (var victim in victims)
            {
                loop.Store.Delete(Meta.Key(ResourceTypes.Pod, victim));
                loop.Events.Normal(rs, "SuccessfulDelete", $"Deleted pod: {Meta.Name(victim)}", "replicaset-controller");
                pods.Remove(victim);
            }
        }

        var ready = pods.Count(PodState.IsReady);
        var selector = rs["spec"]?["selector"]?["matchLabels"];
        var labelled = pods.Count(p => Meta.Selects(selector, Meta.Labels(p["metadata"]?["labels"])));
        loop.Store.Mutate(key, o =>
        {
            var status = new JsonObject
            {
                ["replicas"] = pods.Count,
                ["fullyLabeledReplicas"] = labelled,
                ["readyReplicas"] = ready,
                ["availableReplicas"] = ready,
                ["observedGeneration"] = o["metadata"]?["generation"]?.DeepClone(),
            };
            if (ready == 0) status.Remove("readyReplicas");
            if (ready == 0) status.Remove("availableReplicas");
            return Meta.Set(o, "status", status);
        });
    }

    private static JsonObject NewPod(JsonObject rs)
    {
        var template = rs["spec"]?["template"] as JsonObject ?? new JsonObject();
        var meta = template["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
        meta["name"] = $"{Meta.Name(rs)}-{Meta.RandomSuffix()}";
        meta["namespace"] = Meta.Namespace(rs);
        meta["generateName"] = Meta.Name(rs) + "-";
        meta["ownerReferences"] = Meta.OwnerReference(rs);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
            ["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = QosClass.Of(template["spec"] as JsonObject) },
        };
    }
}
