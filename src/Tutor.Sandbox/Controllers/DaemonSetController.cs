using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Keeps one Pod of a DaemonSet on every node that its nodeSelector picks and whose NoSchedule/NoExecute taints
/// it tolerates; a changed template replaces Pods maxUnavailable at a time. Node changes are followed.
/// </summary>
public sealed class DaemonSetController : IReconciler
{
    private const string RevisionLabel = "controller-revision-hash";

    /// <summary>What the DaemonSet controller lets every daemon Pod tolerate, so a daemon survives node trouble.</summary>
    private static readonly string[] AlwaysTolerated =
    [
        "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable", "node.kubernetes.io/disk-pressure",
        "node.kubernetes.io/memory-pressure", "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable",
    ];

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.DaemonSet && change.Type != "DELETED")
            loop.Enqueue(this, Meta.Key(ResourceTypes.DaemonSet, change.Object));
        else if (change.Resource == ResourceTypes.Pod && Meta.ControllerRef(change.Object) is { } owner && owner["kind"]?.GetValue<string>() == "DaemonSet")
            loop.Enqueue(this, new ObjectKey(ResourceTypes.DaemonSet, change.Namespace, owner["name"]!.GetValue<string>()));
        else if (change.Resource == ResourceTypes.Node)
            foreach (var set in loop.Store.List(ResourceTypes.DaemonSet).Items)
                loop.Enqueue(this, Meta.Key(ResourceTypes.DaemonSet, set));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var store = loop.Store;
        var set = store.Get(key);
        if (set is null || Meta.IsDeleting(set)) return;
        var template = set["spec"]?["template"] as JsonObject ?? new JsonObject();
        var revision = PodTemplateHash.Of(template);
        var uid = Meta.Uid(set);
        var nodes = store.List(ResourceTypes.Node).Items.Where(n => Eligible(n, template["spec"] as JsonObject)).Select(Meta.Name).ToHashSet();
        var pods = store.List(ResourceTypes.Pod, key.Namespace).Items.Where(p => Meta.OwnedBy(p, uid)).ToList();

        // Ended Pods, Pods on nodes no longer picked, and second Pods on one node go.
        var keep = new Dictionary<string, JsonObject>();
        foreach (var pod in pods.OrderBy(p => p["metadata"]?["creationTimestamp"]?.GetValue<string>(), StringComparer.Ordinal))
        {
            var node = pod["spec"]?["nodeName"]?.GetValue<string>() ?? "";
            if (PodState.IsActive(pod) && nodes.Contains(node) && keep.TryAdd(node, pod)) continue;
            store.Delete(Meta.Key(ResourceTypes.Pod, pod));
            loop.Events.Normal(set, "SuccessfulDelete", $"Deleted pod: {Meta.Name(pod)}", "daemonset-controller");
        }

        foreach (var node in nodes.Where(n => !keep.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            var pod = store.Create(ResourceTypes.Pod, NewPod(set, template, revision, node));
            keep[node] = pod;
            loop.Events.Normal(set, "SuccessfulCreate", $"Created pod: {Meta.Name(pod)}", "daemonset-controller");
        }

        // RollingUpdate: replace old Pods while no more than maxUnavailable are down.
        if (set["spec"]?["updateStrategy"]?["type"]?.GetValue<string>() != "OnDelete")
        {
            var maxUnavailable = Math.Max(1, IntOrPercent.Resolve(set["spec"]?["updateStrategy"]?["rollingUpdate"]?["maxUnavailable"], nodes.Count, roundUp: true, fallback: 1));
            var down = keep.Values.Count(p => !PodState.IsReady(p));
            foreach (var (node, pod) in keep.Where(kv => Revision(kv.Value) != revision).OrderBy(kv => PodState.IsReady(kv.Value) ? 1 : 0).ToList())
            {
                if (PodState.IsReady(pod) && down >= maxUnavailable) break;
                if (PodState.IsReady(pod)) down++;
                store.Delete(Meta.Key(ResourceTypes.Pod, pod));
                loop.Events.Normal(set, "SuccessfulDelete", $"Deleted pod: {Meta.Name(pod)}", "daemonset-controller");
                keep.Remove(node);
            }
        }

        var scheduled = keep.Values.ToList();
        store.Mutate(key, d =>
        {
            var ready = scheduled.Count(PodState.IsReady);
            var status = new JsonObject
            {
                ["currentNumberScheduled"] = scheduled.Count,
                ["numberMisscheduled"] = 0,
                ["desiredNumberScheduled"] = nodes.Count,
                ["numberReady"] = ready,
                ["observedGeneration"] = d["metadata"]?["generation"]?.DeepClone(),
                ["updatedNumberScheduled"] = scheduled.Count(p => Revision(p) == revision),
                ["numberAvailable"] = ready,
                ["numberUnavailable"] = Math.Max(0, nodes.Count - ready),
            };
            foreach (var zero in new[] { "updatedNumberScheduled", "numberAvailable", "numberUnavailable" })
                if (status[zero]!.GetValue<int>() == 0) status.Remove(zero);
            return Meta.Set(d, "status", status);
        });
    }

    private static string? Revision(JsonObject pod) => pod["metadata"]?["labels"]?[RevisionLabel]?.GetValue<string>();

    /// <summary>Whether a daemon Pod with <paramref name="podSpec"/> belongs on <paramref name="node"/>: its selector matches and its taints are tolerated.</summary>
    public static bool Eligible(JsonObject node, JsonObject? podSpec)
    {
        var labels = Meta.Labels(node["metadata"]?["labels"]);
        if (Meta.Labels(podSpec?["nodeSelector"]).Any(kv => !labels.TryGetValue(kv.Key, out var v) || v != kv.Value)) return false;
        var tolerations = (podSpec?["tolerations"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        return ((node["spec"]?["taints"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Where(t => t["effect"]?.GetValue<string>() is "NoSchedule" or "NoExecute")
            .All(t => AlwaysTolerated.Contains(t["key"]?.GetValue<string>()) || tolerations.Any(tol => Tolerates(tol, t)));
    }

    private static bool Tolerates(JsonObject toleration, JsonObject taint)
    {
        var op = toleration["operator"]?.GetValue<string>() ?? "Equal";
        var key = toleration["key"]?.GetValue<string>();
        if (toleration["effect"]?.GetValue<string>() is { Length: > 0 } effect && effect != taint["effect"]?.GetValue<string>()) return false;
        if (op == "Exists") return string.IsNullOrEmpty(key) || key == taint["key"]?.GetValue<string>();
        return key == taint["key"]?.GetValue<string>() && (toleration["value"]?.GetValue<string>() ?? "") == (taint["value"]?.GetValue<string>() ?? "");
    }

    private static JsonObject NewPod(JsonObject set, JsonObject template, string revision, string node)
    {
        var meta = template["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
        var labels = meta["labels"] as JsonObject ?? new JsonObject();
        labels[RevisionLabel] = revision;
        labels["pod-template-generation"] = (Meta.IntOrNull(set["metadata"]?["generation"]) ?? 1).ToString();
        meta["labels"] = labels;
        meta["name"] = $"{Meta.Name(set)}-{Meta.RandomSuffix()}";
        meta["generateName"] = Meta.Name(set) + "-";
        meta["namespace"] = Meta.Namespace(set);
        meta["ownerReferences"] = Meta.OwnerReference(set);
        var spec = template["spec"]?.DeepClone() as JsonObject ?? new JsonObject();
        // Bound to its node as the scheduler would bind it, through the affinity the DaemonSet controller writes.
        spec["nodeName"] = node;
        spec["affinity"] = new JsonObject
        {
            ["nodeAffinity"] = new JsonObject
            {
                ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
                {
                    ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                    {
                        ["matchFields"] = new JsonArray(new JsonObject { ["key"] = "metadata.name", ["operator"] = "In", ["values"] = new JsonArray(node) }),
                    }),
                },
            },
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta,
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = QosClass.Of(spec) },
        };
    }
}
