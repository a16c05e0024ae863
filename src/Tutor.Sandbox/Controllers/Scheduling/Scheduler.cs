using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers.Scheduling;

/// <summary>
/// The default-scheduler: binds each Pod without a node to the best node that passes every filter
/// (<see cref="NodeFit"/>), or leaves it Pending with PodScheduled=False and a FailedScheduling event. A Pod
/// whose claims wait for their first consumer gets a node picked for them first, and is bound once they are.
/// Pending Pods are looked at again only when something that could change the answer changes: a node, a claim,
/// a Pod placed, relabelled, finished or gone.
/// </summary>
public sealed class Scheduler : IReconciler
{
    private const string Component = "default-scheduler";
    public const string SelectedNodeAnnotation = "volume.kubernetes.io/selected-node";

    // What of each placed Pod matters to others' placement; a change to it re-queues the Pending ones.
    private readonly Dictionary<string, string> _placed = new();

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.Pod)
        {
            var pod = change.Object;
            var uid = Meta.Uid(pod);
            var nodeName = pod["spec"]?["nodeName"]?.GetValue<string>();
            if (change.Type != "DELETED" && nodeName is null)
            {
                if (!Meta.IsDeleting(pod)) loop.Enqueue(this, Meta.Key(ResourceTypes.Pod, pod));
                return;
            }

            var fingerprint = change.Type == "DELETED" || !PodState.IsActive(pod) ? null : $"{nodeName}|{pod["metadata"]?["labels"]?.ToJsonString()}";
            bool moved;
            lock (_placed)
            {
                _placed.TryGetValue(uid, out var known);
                moved = known != fingerprint;
                if (fingerprint is null) _placed.Remove(uid);
                else _placed[uid] = fingerprint;
            }

            if (moved) RequeuePending(loop, null);
        }
        else if (change.Resource == ResourceTypes.Node)
            RequeuePending(loop, null);
        else if (change.Resource == ResourceTypes.PersistentVolumeClaim)
            RequeuePending(loop, change.Namespace);
    }

    private void RequeuePending(ControllerLoop loop, string? ns)
    {
        foreach (var pod in loop.Store.List(ResourceTypes.Pod, ns).Items)
            if (pod["spec"]?["nodeName"] is null && !Meta.IsDeleting(pod)) loop.Enqueue(this, Meta.Key(ResourceTypes.Pod, pod));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var pod = loop.Store.Get(key);
        if (pod is null || Meta.IsDeleting(pod) || pod["spec"]?["nodeName"] is not null) return;
        var scheduler = pod["spec"]?["schedulerName"]?.GetValue<string>();
        if (scheduler is not null && scheduler != Component) return;

        var nodes = loop.Store.List(ResourceTypes.Node).Items;
        var claims = Claims(pod, loop.Store);
        if (ClaimProblem(claims, loop.Store) is { } problem)
        {
            Unschedulable(pod, key, SchedulingMessage.PodLevel(nodes.Count, problem), loop);
            return;
        }

        var scheduled = loop.Store.List(ResourceTypes.Pod).Items.Where(p => p["spec"]?["nodeName"] is not null && PodState.IsActive(p)).ToList();
        var fit = new NodeFit(pod, scheduled);
        var volumeTerms = BoundVolumeTerms(claims, loop.Store);
        var results = nodes.Select(n => (Node: n, Result: fit.Filter(n, nodes))).Select(r =>
            r.Result.Reasons.Count == 0 && volumeTerms.Any(terms => !NodeFit.MatchesAnyTerm(terms, r.Node))
                ? (r.Node, Result: (Reasons: (IReadOnlyList<string>)["node(s) had volume node affinity conflict"], PreemptionMightHelp: false))
                : r).ToList();
        var fits = results.Where(r => r.Result.Reasons.Count == 0).Select(r => r.Node).ToList();
        var selected = claims.Select(c => c!["metadata"]?["annotations"]?[SelectedNodeAnnotation]?.GetValue<string>()).FirstOrDefault(n => n is not null);
        if (fits.Count == 0)
        {
            Unschedulable(pod, key, SchedulingMessage.Unschedulable(nodes.Count, results.Select(r => r.Result)), loop);
            return;
        }

        var owner = Meta.ControllerRef(pod)?["uid"]?.GetValue<string>();
        var chosen = fits.FirstOrDefault(n => Meta.Name(n) == selected)
            ?? fits.OrderByDescending(n => fit.Score(n, nodes))
                .ThenBy(n => owner is null ? 0 : scheduled.Count(p => OnNode(p, n) && Meta.ControllerRef(p)?["uid"]?.GetValue<string>() == owner))
                .ThenBy(n => scheduled.Count(p => OnNode(p, n)))
                .ThenBy(Meta.Name, StringComparer.Ordinal).First();
        var nodeName = Meta.Name(chosen);

        // Claims that wait for their first consumer are provisioned where the Pod will run; the Pod binds once they are bound.
        var waiting = claims.Where(c => c!["status"]?["phase"]?.GetValue<string>() != "Bound").ToList();
        if (waiting.Count > 0)
        {
            foreach (var claim in waiting)
                loop.Store.Mutate(Meta.Key(ResourceTypes.PersistentVolumeClaim, claim!), c =>
                {
                    var annotations = c["metadata"]!["annotations"] as JsonObject ?? new JsonObject();
                    if (annotations[SelectedNodeAnnotation] is not null) return false;
                    annotations[SelectedNodeAnnotation] = nodeName;
                    c["metadata"]!["annotations"] = annotations;
                    return true;
                });
            return;
        }

        loop.Store.Mutate(key, p =>
        {
            p["spec"]!["nodeName"] = nodeName;
            var status = p["status"] as JsonObject ?? new JsonObject();
            status["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "PodScheduled", ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = loop.Timestamp(),
            });
            p["status"] = status;
            return true;
        });
        loop.Events.Normal(pod, "Scheduled", $"Successfully assigned {key.Namespace}/{key.Name} to {nodeName}", Component);
    }

    /// <summary>The node terms of the volumes bound to the Pod's claims: a node-local volume ties its users to its node.</summary>
    private static List<JsonNode> BoundVolumeTerms(List<JsonObject?> claims, ObjectStore store) =>
        claims.Select(c => c?["spec"]?["volumeName"]?.GetValue<string>())
            .Where(n => n is not null)
            .Select(n => store.Get(new ObjectKey(ResourceTypes.PersistentVolume, "", n!))?["spec"]?["nodeAffinity"]?["required"]?["nodeSelectorTerms"])
            .Where(t => t is not null)
            .ToList()!;

    private static bool OnNode(JsonObject pod, JsonObject node) => pod["spec"]?["nodeName"]?.GetValue<string>() == Meta.Name(node);

    /// <summary>The claims the Pod's volumes name, null for one that does not exist.</summary>
    private static List<JsonObject?> Claims(JsonObject pod, ObjectStore store) =>
        ((pod["spec"]?["volumes"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(v => v["persistentVolumeClaim"]?["claimName"]?.GetValue<string>())
            .Where(n => n is not null)
            .Select(n => store.Get(new ObjectKey(ResourceTypes.PersistentVolumeClaim, Meta.Namespace(pod), n!)) ?? new JsonObject { ["missing"] = n })
            .ToList<JsonObject?>();

    private static string? ClaimProblem(List<JsonObject?> claims, ObjectStore store)
    {
        foreach (var claim in claims)
        {
            if (claim!["missing"] is { } missing) return $"persistentvolumeclaim \"{missing.GetValue<string>()}\" not found";
            if (Meta.IsDeleting(claim)) return $"persistentvolumeclaim \"{Meta.Name(claim)}\" is being deleted";
        }

        foreach (var claim in claims)
        {
            if (claim!["status"]?["phase"]?.GetValue<string>() == "Bound") continue;
            var className = claim["spec"]?["storageClassName"]?.GetValue<string>();
            var storageClass = string.IsNullOrEmpty(className) ? null : store.Get(new ObjectKey(ResourceTypes.StorageClass, "", className));
            if (storageClass?["volumeBindingMode"]?.GetValue<string>() != "WaitForFirstConsumer") return "pod has unbound immediate PersistentVolumeClaims";
        }

        return null;
    }

    private static void Unschedulable(JsonObject pod, ObjectKey key, string message, ControllerLoop loop)
    {
        var previous = (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == "PodScheduled");
        var changed = previous?["message"]?.GetValue<string>() != message;
        loop.Store.Mutate(key, p =>
        {
            var status = new JsonObject
            {
                ["phase"] = "Pending",
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "PodScheduled", ["status"] = "False", ["lastProbeTime"] = null,
                    ["lastTransitionTime"] = previous?["status"]?.GetValue<string>() == "False" ? previous["lastTransitionTime"]?.DeepClone() : loop.Timestamp(),
                    ["reason"] = "Unschedulable", ["message"] = message,
                }),
                ["qosClass"] = QosClass.Of(p["spec"] as JsonObject),
            };
            return Meta.Set(p, "status", status);
        });
        // The same verdict again is not news; a settled cluster stays silent.
        if (changed) loop.Events.Warning(pod, "FailedScheduling", message, Component);
    }
}
