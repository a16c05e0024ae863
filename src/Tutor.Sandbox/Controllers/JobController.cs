using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>Runs a Job's Pods until enough succeed (Complete) or too many fail (Failed, BackoffLimitExceeded).</summary>
public sealed class JobController : IReconciler
{
    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.Job && change.Type != "DELETED")
            loop.Enqueue(this, Meta.Key(ResourceTypes.Job, change.Object));
        else if (change.Resource == ResourceTypes.Pod && Meta.ControllerRef(change.Object) is { } owner && owner["kind"]?.GetValue<string>() == "Job")
            loop.Enqueue(this, new ObjectKey(ResourceTypes.Job, change.Namespace, owner["name"]!.GetValue<string>()));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var job = loop.Store.Get(key);
        if (job is null || Meta.IsDeleting(job)) return;
        var conditions = job["status"]?["conditions"] as JsonArray;
        if (conditions?.Any(c => c?["type"]?.GetValue<string>() is "Complete" or "Failed" && c["status"]?.GetValue<string>() == "True") == true) return;

        var spec = job["spec"] as JsonObject ?? new JsonObject();
        var completions = Meta.Int(spec["completions"], 1);
        var parallelism = Meta.Int(spec["parallelism"], 1);
        var backoffLimit = Meta.Int(spec["backoffLimit"], 6);
        var uid = Meta.Uid(job);
        var pods = loop.Store.List(ResourceTypes.Pod, key.Namespace).Items.Where(p => Meta.OwnedBy(p, uid)).ToList();
        var succeeded = pods.Count(p => PodState.Phase(p) == "Succeeded");
        var failed = pods.Count(p => PodState.Phase(p) == "Failed")
            + pods.Sum(p => ((p["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>() ?? []).Sum(c => Meta.Int(c["restartCount"])));
        var active = pods.Count(PodState.IsActive);
        var now = loop.Timestamp();

        string? finished = null;
        if (succeeded >= completions) finished = "Complete";
        else if (failed > backoffLimit) finished = "Failed";
        else
        {
            for (var i = active; i < Math.Min(parallelism, completions - succeeded); i++)
            {
                var pod = loop.Store.Create(ResourceTypes.Pod, NewPod(job));
                loop.Events.Normal(job, "SuccessfulCreate", $"Created pod: {Meta.Name(pod)}", "job-controller");
                active++;
            }
        }

        if (finished is not null)
        {
            foreach (var pod in pods.Where(PodState.IsActive)) loop.Store.Delete(Meta.Key(ResourceTypes.Pod, pod));
            active = 0;
            if (finished == "Complete") loop.Events.Normal(job, "Completed", "Job completed", "job-controller");
            else loop.Events.Warning(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", "job-controller");
        }

        loop.Store.Mutate(key, j =>
        {
            var old = j["status"] as JsonObject;
            var status = new JsonObject
            {
                ["startTime"] = old?["startTime"]?.DeepClone() ?? now,
                ["active"] = active,
                ["succeeded"] = succeeded,
                ["failed"] = failed,
                ["ready"] = pods.Count(PodState.IsReady),
                ["terminating"] = 0,
                ["uncountedTerminatedPods"] = new JsonObject(),
            };
            foreach (var zero in new[] { "active", "succeeded", "failed" })
                if (status[zero]!.GetValue<int>() == 0) status.Remove(zero);
            if (finished == "Complete")
            {
                status["completionTime"] = now;
                status["conditions"] = new JsonArray(
                    Condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now),
                    Condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now));
            }
            else if (finished == "Failed")
            {
                status["conditions"] = new JsonArray(
                    Condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now),
                    Condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now));
            }

            return Meta.Set(j, "status", status);
        });
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
        ["lastProbeTime"] = now,
        ["lastTransitionTime"] = now,
    };

    private static JsonObject NewPod(JsonObject job)
    {
        var template = job["spec"]?["template"] as JsonObject ?? new JsonObject();
        var meta = template["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
        var labels = meta["labels"] as JsonObject ?? new JsonObject();
        labels["job-name"] = Meta.Name(job);
        labels["batch.kubernetes.io/job-name"] = Meta.Name(job);
        labels["controller-uid"] = Meta.Uid(job);
        labels["batch.kubernetes.io/controller-uid"] = Meta.Uid(job);
        meta["labels"] = labels;
        meta["name"] = $"{Meta.Name(job)}-{Meta.RandomSuffix()}";
        meta["generateName"] = Meta.Name(job) + "-";
        meta["namespace"] = Meta.Namespace(job);
        meta["ownerReferences"] = Meta.OwnerReference(job);
        return new JsonObject
        {
            ["metadata"] = meta,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
            ["status"] = new JsonObject { ["phase"] = "Pending" },
        };
    }
}
