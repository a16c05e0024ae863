using System.Text.Json.Nodes;
using Tutor.Sandbox.Api.Admission;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Turns a StatefulSet into Pods with stable names <c>name-0</c>, <c>name-1</c>, …: with OrderedReady, Pod N+1 is
/// created only once Pod N is Running and Ready, and scale-down removes the highest ordinal first. Each
/// volumeClaimTemplate gives every ordinal its own PVC, which no one owns, so it outlives its Pod and the set.
/// A changed template rolls Pods over from the highest ordinal down, above the partition.
/// </summary>
public sealed class StatefulSetController : IReconciler
{
    private const string RevisionLabel = "controller-revision-hash";

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.StatefulSet && change.Type != "DELETED")
            loop.Enqueue(this, Meta.Key(ResourceTypes.StatefulSet, change.Object));
        else if (change.Resource == ResourceTypes.Pod && Meta.ControllerRef(change.Object) is { } owner && owner["kind"]?.GetValue<string>() == "StatefulSet")
            loop.Enqueue(this, new ObjectKey(ResourceTypes.StatefulSet, change.Namespace, owner["name"]!.GetValue<string>()));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var store = loop.Store;
        var set = store.Get(key);
        if (set is null || Meta.IsDeleting(set)) return;
        var spec = set["spec"] as JsonObject ?? new JsonObject();
        var replicas = Meta.Int(spec["replicas"], 1);
        var ordered = spec["podManagementPolicy"]?.GetValue<string>() != "Parallel";
        var template = spec["template"] as JsonObject ?? new JsonObject();
        var updateRevision = $"{key.Name}-{PodTemplateHash.Of(template)}";
        var uid = Meta.Uid(set);

        var pods = new SortedDictionary<int, JsonObject>();
        foreach (var pod in store.List(ResourceTypes.Pod, key.Namespace).Items.Where(p => Meta.OwnedBy(p, uid)))
            if (Ordinal(key.Name, Meta.Name(pod)) is { } ordinal) pods[ordinal] = pod;

        // A Pod that ended is replaced under the same name, as a StatefulSet does.
        foreach (var (ordinal, pod) in pods.Where(p => !PodState.IsActive(p.Value) && !Meta.IsDeleting(p.Value)).ToList())
        {
            store.Delete(Meta.Key(ResourceTypes.Pod, pod));
            pods.Remove(ordinal);
        }

        // One kind of step per pass; each write's event brings the set back for the next.
        _ = CreateMissing(loop, set, spec, template, updateRevision, replicas, ordered, pods)
            || RemoveExtra(loop, set, replicas, ordered, pods)
            || RollOver(loop, set, spec, updateRevision, replicas, pods);
        UpdateStatus(loop, key, updateRevision, pods);
    }

    /// <summary>The ordinal of <paramref name="podName"/> in the set named <paramref name="setName"/>, if it is one of its names.</summary>
    public static int? Ordinal(string setName, string podName) =>
        podName.StartsWith(setName + "-", StringComparison.Ordinal) && int.TryParse(podName[(setName.Length + 1)..], out var n) && n >= 0
        && podName[(setName.Length + 1)..] == n.ToString() ? n : null;

    /// <summary>The PVC name Kubernetes gives an ordinal's claim from a volumeClaimTemplate.</summary>
    public static string ClaimName(string templateName, string setName, int ordinal) => $"{templateName}-{setName}-{ordinal}";

    private static bool RunningAndReady(JsonObject pod) => PodState.Phase(pod) == "Running" && PodState.IsReady(pod) && !Meta.IsDeleting(pod);

    private static bool CreateMissing(ControllerLoop loop, JsonObject set, JsonObject spec, JsonObject template, string revision, int replicas, bool ordered,
        SortedDictionary<int, JsonObject> pods)
    {
        var created = false;
        for (var i = 0; i < replicas; i++)
        {
            if (pods.TryGetValue(i, out var existing))
            {
                if (ordered && !RunningAndReady(existing)) return created;
                continue;
            }

            EnsureClaims(loop, set, spec, i);
            var pod = loop.Store.Create(ResourceTypes.Pod, NewPod(set, spec, template, revision, i));
            pods[i] = pod;
            created = true;
            loop.Events.Normal(set, "SuccessfulCreate", $"create Pod {Meta.Name(pod)} in StatefulSet {Meta.Name(set)} successful", "statefulset-controller");
            if (ordered) return true;
        }

        return created;
    }

    private static bool RemoveExtra(ControllerLoop loop, JsonObject set, int replicas, bool ordered, SortedDictionary<int, JsonObject> pods)
    {
        var extra = pods.Keys.Where(i => i >= replicas).OrderDescending().ToList();
        if (extra.Count == 0) return false;
        // OrderedReady removes one Pod at a time, highest first, and only while the ones below it are healthy.
        if (ordered && pods.Where(p => p.Key < replicas).Any(p => !RunningAndReady(p.Value))) return false;
        foreach (var ordinal in ordered ? extra.Take(1) : extra)
        {
            loop.Store.Delete(Meta.Key(ResourceTypes.Pod, pods[ordinal]));
            loop.Events.Normal(set, "SuccessfulDelete", $"delete Pod {Meta.Name(pods[ordinal])} in StatefulSet {Meta.Name(set)} successful", "statefulset-controller");
            pods.Remove(ordinal);
        }

        return true;
    }

    /// <summary>RollingUpdate: once every Pod is Running and Ready, replace the highest-ordinal Pod still on an old revision.</summary>
    private static bool RollOver(ControllerLoop loop, JsonObject set, JsonObject spec, string revision, int replicas, SortedDictionary<int, JsonObject> pods)
    {
        if (spec["updateStrategy"]?["type"]?.GetValue<string>() == "OnDelete") return false;
        var partition = Meta.Int(spec["updateStrategy"]?["rollingUpdate"]?["partition"]);
        if (pods.Count < replicas || pods.Values.Any(p => !RunningAndReady(p))) return false;
        var stale = pods.Where(p => p.Key >= partition && RevisionOf(p.Value) != revision).Select(p => p.Key).OrderDescending().FirstOrDefault(-1);
        if (stale < 0) return false;
        loop.Store.Delete(Meta.Key(ResourceTypes.Pod, pods[stale]));
        loop.Events.Normal(set, "SuccessfulDelete", $"delete Pod {Meta.Name(pods[stale])} in StatefulSet {Meta.Name(set)} successful", "statefulset-controller");
        pods.Remove(stale);
        return true;
    }

    private static string? RevisionOf(JsonObject pod) => pod["metadata"]?["labels"]?[RevisionLabel]?.GetValue<string>();

    private static void EnsureClaims(ControllerLoop loop, JsonObject set, JsonObject spec, int ordinal)
    {
        var selectorLabels = spec["selector"]?["matchLabels"] as JsonObject;
        foreach (var claim in (spec["volumeClaimTemplates"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var name = ClaimName(Meta.Name(claim), Meta.Name(set), ordinal);
            var key = new ObjectKey(ResourceTypes.PersistentVolumeClaim, Meta.Namespace(set), name);
            if (loop.Store.Get(key) is not null) continue;
            var labels = claim["metadata"]?["labels"]?.DeepClone() as JsonObject ?? new JsonObject();
            foreach (var (k, v) in selectorLabels ?? []) labels[k] ??= v?.DeepClone();
            var meta = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Meta.Namespace(set),
                ["labels"] = labels,
            };
            if (claim["metadata"]?["annotations"] is JsonObject annotations) meta["annotations"] = annotations.DeepClone();
            var claimSpec = claim["spec"]?.DeepClone() as JsonObject ?? new JsonObject();
            claimSpec["volumeMode"] ??= "Filesystem";
            var pvc = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "PersistentVolumeClaim",
                ["metadata"] = meta,
                ["spec"] = claimSpec,
                ["status"] = new JsonObject { ["phase"] = "Pending" },
            };
            // The real controller creates claims through the API server, whose admission names the default class.
            new DefaultStorageClassRule(loop.Store).Default(pvc, null);
            try
            {
                loop.Store.Create(ResourceTypes.PersistentVolumeClaim, pvc);
                loop.Events.Normal(set, "SuccessfulCreate", $"create Claim {name} Pod {Meta.Name(set)}-{ordinal} in StatefulSet {Meta.Name(set)} success", "statefulset-controller");
            }
            catch (StoreConflictException)
            {
                // Someone made it meanwhile; the Pod uses it all the same.
            }
        }
    }

    private static JsonObject NewPod(JsonObject set, JsonObject spec, JsonObject template, string revision, int ordinal)
    {
        var name = $"{Meta.Name(set)}-{ordinal}";
        var meta = template["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
        var labels = meta["labels"] as JsonObject ?? new JsonObject();
        labels[RevisionLabel] = revision;
        labels["statefulset.kubernetes.io/pod-name"] = name;
        labels["apps.kubernetes.io/pod-index"] = ordinal.ToString();
        meta["labels"] = labels;
        meta["name"] = name;
        meta["namespace"] = Meta.Namespace(set);
        meta["ownerReferences"] = Meta.OwnerReference(set);
        meta.Remove("generateName");
        var podSpec = template["spec"]?.DeepClone() as JsonObject ?? new JsonObject();
        // hostname + subdomain make the Pod's DNS name <pod>.<serviceName>.<namespace>.svc.cluster.local.
        podSpec["hostname"] = name;
        if (spec["serviceName"]?.GetValue<string>() is { Length: > 0 } service) podSpec["subdomain"] = service;
        var claims = (spec["volumeClaimTemplates"] as JsonArray)?.OfType<JsonObject>().Select(Meta.Name).ToList() ?? [];
        if (claims.Count > 0)
        {
            var volumes = (podSpec["volumes"] as JsonArray)?.OfType<JsonObject>().Where(v => !claims.Contains(v["name"]?.GetValue<string>() ?? "")).Select(v => v.DeepClone()).ToList() ?? [];
            foreach (var claim in claims)
                volumes.Add(new JsonObject { ["name"] = claim, ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = ClaimName(claim, Meta.Name(set), ordinal) } });
            podSpec["volumes"] = new JsonArray(volumes.ToArray());
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta,
            ["spec"] = podSpec,
            ["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = QosClass.Of(podSpec) },
        };
    }

    private static void UpdateStatus(ControllerLoop loop, ObjectKey key, string updateRevision, SortedDictionary<int, JsonObject> pods)
    {
        var active = pods.Values.Where(PodState.IsActive).ToList();
        var ready = active.Count(PodState.IsReady);
        var updated = active.Count(p => RevisionOf(p) == updateRevision);
        loop.Store.Mutate(key, s =>
        {
            var replicas = Meta.Int(s["spec"]?["replicas"], 1);
            var old = s["status"] as JsonObject;
            var currentRevision = old?["currentRevision"]?.GetValue<string>() ?? updateRevision;
            // The update is done when every wanted Pod runs the new revision; that revision is then current.
            if (updated == replicas && active.Count == replicas) currentRevision = updateRevision;
            var current = active.Count(p => RevisionOf(p) == currentRevision);
            var status = new JsonObject
            {
                ["observedGeneration"] = s["metadata"]?["generation"]?.DeepClone(),
                ["replicas"] = active.Count,
                ["readyReplicas"] = ready,
                ["currentReplicas"] = current,
                ["updatedReplicas"] = updated,
                ["availableReplicas"] = ready,
                ["currentRevision"] = currentRevision,
                ["updateRevision"] = updateRevision,
                ["collisionCount"] = 0,
            };
            foreach (var zero in new[] { "readyReplicas", "currentReplicas", "updatedReplicas" })
                if (status[zero]!.GetValue<int>() == 0) status.Remove(zero);
            return Meta.Set(s, "status", status);
        });
    }
}
