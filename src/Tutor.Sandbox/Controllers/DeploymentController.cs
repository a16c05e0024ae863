using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Turns a Deployment into ReplicaSets: one per pod template, named by the template's hash. A changed template
/// rolls out within maxSurge and maxUnavailable (or all at once with Recreate); old ReplicaSets are kept at
/// zero up to revisionHistoryLimit so a rollback can find them. Status carries what rollout status reads.
/// </summary>
public sealed class DeploymentController : IReconciler
{
    private const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.Deployment && change.Type != "DELETED")
            loop.Enqueue(this, Meta.Key(ResourceTypes.Deployment, change.Object));
        else if (change.Resource == ResourceTypes.ReplicaSet && Meta.ControllerRef(change.Object) is { } owner && owner["kind"]?.GetValue<string>() == "Deployment")
            loop.Enqueue(this, new ObjectKey(ResourceTypes.Deployment, change.Namespace, owner["name"]!.GetValue<string>()));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var store = loop.Store;
        var deployment = store.Get(key);
        if (deployment is null || Meta.IsDeleting(deployment)) return;
        var spec = deployment["spec"] as JsonObject ?? new JsonObject();
        var desired = Meta.Int(spec["replicas"], 1);
        var template = spec["template"] as JsonObject ?? new JsonObject();
        var hash = PodTemplateHash.Of(template);
        var uid = Meta.Uid(deployment);
        var owned = store.List(ResourceTypes.ReplicaSet, key.Namespace).Items.Where(rs => Meta.OwnedBy(rs, uid)).ToList();
        var current = owned.FirstOrDefault(rs => rs["metadata"]?["labels"]?["pod-template-hash"]?.GetValue<string>() == hash);
        var olds = owned.Where(rs => !ReferenceEquals(rs, current)).ToList();
        var paused = spec["paused"]?.GetValue<bool>() == true;

        var recreate = spec["strategy"]?["type"]?.GetValue<string>() == "Recreate";
        var surge = recreate ? 0 : IntOrPercent.Resolve(spec["strategy"]?["rollingUpdate"]?["maxSurge"], desired, roundUp: true, fallback: 1);
        var unavailable = recreate ? desired : IntOrPercent.Resolve(spec["strategy"]?["rollingUpdate"]?["maxUnavailable"], desired, roundUp: false, fallback: 0);
        if (surge == 0 && unavailable == 0) unavailable = 1;

        if (current is null && !paused)
        {
            var revision = owned.Select(rs => long.TryParse(rs["metadata"]?["annotations"]?[RevisionAnnotation]?.GetValue<string>(), out var r) ? r : 0).DefaultIfEmpty(0).Max() + 1;
            var oldTotal = olds.Sum(rs => Meta.Int(rs["spec"]?["replicas"]));
            var start = recreate ? 0 : olds.Count == 0 ? desired : Math.Max(0, Math.Min(desired, desired + surge - oldTotal));
            current = store.Create(ResourceTypes.ReplicaSet, NewReplicaSet(deployment, template, hash, revision, start));
            if (start > 0) loop.Events.Normal(deployment, "ScalingReplicaSet", $"Scaled up replica set {Meta.Name(current)} from 0 to {start}", "deployment-controller");
        }
        else if (current is not null)
        {
            // A rollback to an old template makes its ReplicaSet current again, with a new revision.
            var maxRevision = owned.Select(Revision).DefaultIfEmpty(0).Max();
            if (Revision(current) < maxRevision)
            {
                store.Mutate(Meta.Key(ResourceTypes.ReplicaSet, current), rs =>
                {
                    rs["metadata"]!["annotations"]![RevisionAnnotation] = (maxRevision + 1).ToString();
                    return true;
                });
            }
        }

        if (current is not null && !paused)
        {
            var currentKey = Meta.Key(ResourceTypes.ReplicaSet, current);
            if (olds.All(rs => Meta.Int(rs["spec"]?["replicas"]) == 0 && Meta.Int(rs["status"]?["replicas"]) == 0) || olds.Count == 0)
            {
                Scale(loop, deployment, currentKey, desired);
            }
            else if (recreate)
            {
                foreach (var old in olds) Scale(loop, deployment, Meta.Key(ResourceTypes.ReplicaSet, old), 0);
            }
            else
            {
                // Up: never more than desired + surge Pods in all. Down: never fewer than desired − unavailable available.
                var all = owned.Sum(rs => Meta.Int(rs["spec"]?["replicas"]));
                var currentWanted = Meta.Int(current["spec"]?["replicas"]);
                var up = Math.Min(desired, currentWanted + Math.Max(0, desired + surge - all));
                if (up != currentWanted) Scale(loop, deployment, currentKey, up);
                var available = owned.Sum(rs => Meta.Int(rs["status"]?["availableReplicas"]));
                var canRemove = available - (desired - unavailable);
                foreach (var old in olds.OrderBy(Revision))
                {
                    var replicas = Meta.Int(old["spec"]?["replicas"]);
                    if (replicas == 0) continue;
                    // Old Pods that are not available count for nothing: they can always go.
                    var oldUnavailable = replicas - Meta.Int(old["status"]?["availableReplicas"]);
                    var remove = Math.Min(replicas, Math.Max(0, canRemove) + Math.Max(0, oldUnavailable));
                    if (remove <= 0) continue;
                    Scale(loop, deployment, Meta.Key(ResourceTypes.ReplicaSet, old), replicas - remove);
                    canRemove -= Math.Max(0, remove - oldUnavailable);
                }
            }

            CleanUp(loop, deployment, olds);
        }

        UpdateStatus(loop, key, current is null ? null : store.Get(Meta.Key(ResourceTypes.ReplicaSet, current)), owned, desired, unavailable);
    }

    private static long Revision(JsonObject rs) =>
        long.TryParse(rs["metadata"]?["annotations"]?[RevisionAnnotation]?.GetValue<string>(), out var r) ? r : 0;

    private static void Scale(ControllerLoop loop, JsonObject deployment, ObjectKey rsKey, int replicas)
    {
        var before = 0;
        var changed = loop.Store.Mutate(rsKey, rs =>
        {
            before = Meta.Int(rs["spec"]?["replicas"]);
            if (before == replicas) return false;
            rs["spec"]!["replicas"] = replicas;
            return true;
        });
        if (changed is not null && before != replicas)
            loop.Events.Normal(deployment, "ScalingReplicaSet",
                $"Scaled {(replicas > before ? "up" : "down")} replica set {rsKey.Name} from {before} to {replicas}", "deployment-controller");
    }

    private static void CleanUp(ControllerLoop loop, JsonObject deployment, List<JsonObject> olds)
    {
        var limit = Meta.Int(deployment["spec"]?["revisionHistoryLimit"], 10);
        var idle = olds.Where(rs => Meta.Int(rs["spec"]?["replicas"]) == 0 && Meta.Int(rs["status"]?["replicas"]) == 0).OrderBy(Revision).ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - limit))) loop.Store.Delete(Meta.Key(ResourceTypes.ReplicaSet, rs));
    }

    private static void UpdateStatus(ControllerLoop loop, ObjectKey key, JsonObject? current, List<JsonObject> owned, int desired, int maxUnavailable)
    {
        var all = owned.Select(rs => Meta.Key(ResourceTypes.ReplicaSet, rs)).Select(loop.Store.Get).OfType<JsonObject>().ToList();
        var replicas = all.Sum(rs => Meta.Int(rs["status"]?["replicas"]));
        var ready = all.Sum(rs => Meta.Int(rs["status"]?["readyReplicas"]));
        var available = all.Sum(rs => Meta.Int(rs["status"]?["availableReplicas"]));
        var updated = current is null ? 0 : Meta.Int(current["status"]?["replicas"]);
        var complete = current is not null && updated == desired && replicas == desired && available == desired;
        loop.Store.Mutate(key, d =>
        {
            var old = d["status"] as JsonObject;
            var now = loop.Timestamp();
            var status = new JsonObject
            {
                ["observedGeneration"] = d["metadata"]?["generation"]?.DeepClone(),
                ["replicas"] = replicas,
                ["updatedReplicas"] = updated,
                ["readyReplicas"] = ready,
                ["availableReplicas"] = available,
                ["unavailableReplicas"] = Math.Max(0, desired - available),
            };
            foreach (var zero in new[] { "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas" })
                if (status[zero]!.GetValue<int>() == 0) status.Remove(zero);
            var availableOk = available >= desired - maxUnavailable;
            var conditions = new JsonArray(
                Condition(old, "Available", availableOk ? "True" : "False", availableOk ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    availableOk ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
                Condition(old, "Progressing", "True", complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    complete ? $"ReplicaSet \"{current?["metadata"]?["name"]}\" has successfully progressed." : $"ReplicaSet \"{current?["metadata"]?["name"]}\" is progressing.", now));
            status["conditions"] = conditions;
            var changed = Meta.Set(d, "status", status);
            if (current?["metadata"]?["annotations"]?[RevisionAnnotation] is { } revision)
            {
                var annotations = d["metadata"]!["annotations"] as JsonObject ?? new JsonObject();
                if (!JsonNode.DeepEquals(annotations[RevisionAnnotation], revision))
                {
                    annotations[RevisionAnnotation] = revision.DeepClone();
                    d["metadata"]!["annotations"] = annotations;
                    changed = true;
                }
            }

            return changed;
        });
    }

    /// <summary>A condition that keeps its timestamps while its status and reason stay the same.</summary>
    private static JsonObject Condition(JsonObject? oldStatus, string type, string status, string reason, string message, string now)
    {
        var old = (oldStatus?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
        var same = old?["status"]?.GetValue<string>() == status && old["reason"]?.GetValue<string>() == reason && old["message"]?.GetValue<string>() == message;
        var transitioned = old?["status"]?.GetValue<string>() == status ? old["lastTransitionTime"]?.GetValue<string>() ?? now : now;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = same ? old!["lastUpdateTime"]?.DeepClone() : now,
            ["lastTransitionTime"] = transitioned,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static JsonObject NewReplicaSet(JsonObject deployment, JsonObject template, string hash, long revision, int replicas)
    {
        var name = $"{Meta.Name(deployment)}-{hash}";
        var podTemplate = (JsonObject)template.DeepClone();
        var podMeta = podTemplate["metadata"] as JsonObject ?? new JsonObject();
        podTemplate["metadata"] = podMeta;
        var labels = podMeta["labels"] as JsonObject ?? new JsonObject();
        podMeta["labels"] = labels;
        labels["pod-template-hash"] = hash;
        var selector = deployment["spec"]?["selector"]?.DeepClone() as JsonObject ?? new JsonObject();
        var matchLabels = selector["matchLabels"] as JsonObject ?? new JsonObject();
        selector["matchLabels"] = matchLabels;
        matchLabels["pod-template-hash"] = hash;
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Meta.Namespace(deployment),
                ["labels"] = labels.DeepClone(),
                ["annotations"] = new JsonObject
                {
                    [RevisionAnnotation] = revision.ToString(),
                    ["deployment.kubernetes.io/desired-replicas"] = Meta.Int(deployment["spec"]?["replicas"], 1).ToString(),
                    ["deployment.kubernetes.io/max-replicas"] = Meta.Int(deployment["spec"]?["replicas"], 1).ToString(),
                },
                ["ownerReferences"] = Meta.OwnerReference(deployment),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = selector,
                ["template"] = podTemplate,
            },
        };
    }
}
