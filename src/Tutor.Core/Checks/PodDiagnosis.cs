using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>
/// Explains, in the words an instructor would use, why the Pods behind an object are not ready:
/// image pulls, crash loops, missing configuration, scheduling, readiness — or a selector that picks no Pod.
/// Pure: it reads Pod objects from a snapshot and returns a sentence, or null when nothing looks wrong.
/// </summary>
public static class PodDiagnosis
{
    private const int MaxExplained = 2;

    // Labels controllers add to every Pod; they only clutter a comparison with the selector.
    private static readonly HashSet<string> GeneratedLabels =
        ["pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name", "pod-template-generation",
         "batch.kubernetes.io/controller-uid", "controller-uid", "batch.kubernetes.io/job-name", "job-name"];

    /// <summary>Diagnoses the Pods an object owns, found through its selector (Service or workload).</summary>
    public static string? ForObject(JsonObject owner, IReadOnlyList<JsonObject> pods, IReadOnlyList<JsonObject>? events = null, StorageFacts? storage = null)
    {
        var selector = LabelSelector.Of(owner);
        var kind = JsonText.Str(owner["kind"]) ?? "object";
        if (kind == "Job")
        {
            // A Job's Pods are its attempts, one after another: the newest says why it has not succeeded. (An API server
            // gives every Job a selector; without one, its Pods are still known by their owner reference.)
            var uid = JsonText.Str(JsonText.Get(owner, "metadata", "uid"));
            var attempts = pods.Where(p => selector?.Matches(p) ?? (JsonText.Get(p, "metadata", "ownerReferences") as JsonArray)?
                .Any(r => uid is not null && JsonText.Str(JsonText.Get(r, "uid")) == uid) == true).ToList();
            var newest = attempts.OrderBy(p => JsonText.Str(JsonText.Get(p, "metadata", "creationTimestamp")) ?? "", StringComparer.Ordinal).LastOrDefault();
            return newest is null ? null : ExplainPods([newest], events, storage);
        }
        if (selector is null)
            return kind == "Service" ? $"Service {NameOf(owner)} has no selector, so no pods back it" : null;
        return ForSelector(selector, pods, events, storage);
    }

    /// <summary>Diagnoses the Pods a selector picks; when it picks none, compares it with the labels Pods do have.</summary>
    public static string? ForSelector(LabelSelector selector, IReadOnlyList<JsonObject> pods, IReadOnlyList<JsonObject>? events = null, StorageFacts? storage = null)
    {
        var picked = pods.Where(p => selector.Matches(p)).ToList();
        return picked.Count == 0 ? NoPodMatches(selector, pods) : ExplainPods(picked, events, storage);
    }

    /// <summary>"selector app=vote,tier=front matches no pods; pods have app=vote,tier=frontend".</summary>
    public static string NoPodMatches(LabelSelector selector, IReadOnlyList<JsonObject> pods)
    {
        var start = $"selector {selector} matches no pods";
        if (pods.Count == 0)
            return $"{start}; there are no pods in the namespace";
        var keys = selector.Requirements.Select(r => r.Key).ToHashSet();
        if (NearMiss(selector, pods) is { } near)
            return $"{start}; {near}";
        var labelSets = pods
            .Select(LabelSelector.LabelsOf)
            .Select(labels => (Labels: labels, Score: selector.Requirements.Count(r => r.Matches(labels))))
            .OrderByDescending(p => p.Score)
            .Select(p => ShowLabels(p.Labels, keys))
            .Distinct()
            .Take(3)
            .ToList();
        return $"{start}; pods have {string.Join(" or ", labelSets)}";
    }

    /// <summary>
    /// When some Pods meet part of the selector, names that part and what those Pods have instead of the rest:
    /// "pods with app=vote have tier=frontend". Null when no Pod meets any requirement.
    /// </summary>
    private static string? NearMiss(LabelSelector selector, IReadOnlyList<JsonObject> pods)
    {
        var scored = pods.Select(LabelSelector.LabelsOf)
            .Select(labels => (Labels: labels, Met: selector.Requirements.Where(r => r.Matches(labels)).ToList()))
            .Where(p => p.Met.Count > 0)
            .ToList();
        if (scored.Count == 0) return null;
        var best = scored.Max(p => p.Met.Count);
        var closest = scored.Where(p => p.Met.Count == best).ToList();
        var met = closest[0].Met;
        var missed = selector.Requirements.Except(met).ToList();
        var instead = closest
            .Select(p => string.Join(",", missed.Select(r => p.Labels.TryGetValue(r.Key, out var value) ? $"{r.Key}={value}" : $"no {r.Key} label")))
            .Distinct()
            .Take(3)
            .ToList();
        return $"pods with {string.Join(",", met)} have {string.Join(" or ", instead)}";
    }

    /// <summary>Why the given Pods are not ready, the most serious first; null when every one is ready.</summary>
    public static string? ExplainPods(IEnumerable<JsonObject> pods, IReadOnlyList<JsonObject>? events = null, StorageFacts? storage = null)
    {
        var problems = pods.Select(p => Explain(p, events ?? [], storage ?? StorageFacts.None)).OfType<PodProblem>().OrderBy(p => p.Severity).ToList();
        if (problems.Count == 0)
            return null;
        var shown = problems.Select(p => p.Text).Distinct().Take(MaxExplained).ToList();
        var rest = problems.Count - shown.Count;
        var more = rest <= 0 ? "" : rest == 1 ? "; 1 more pod is not ready" : $"; {rest} more pods are not ready";
        return string.Join("; ", shown) + more;
    }

    /// <summary>Why one Pod is not ready, or null when it is running and ready.</summary>
    public static string? ExplainPod(JsonObject pod, IReadOnlyList<JsonObject>? events = null, StorageFacts? storage = null) =>
        Explain(pod, events ?? [], storage ?? StorageFacts.None)?.Text;

    private sealed record PodProblem(int Severity, string Text);

    private const int Broken = 0, Waiting = 1, Leaving = 2;

    private static PodProblem? Explain(JsonObject pod, IReadOnlyList<JsonObject> events, StorageFacts storage)
    {
        var name = NameOf(pod);
        var status = JsonText.Get(pod, "status");
        var phase = JsonText.Str(JsonText.Get(status, "phase")) ?? "Pending";

        if (JsonText.Get(pod, "metadata", "deletionTimestamp") is not null)
            return new(Leaving, $"pod {name} is Terminating");
        if (phase == "Failed")
            return new(Broken, $"pod {name} has failed{Reason(status)}{FailedContainer(name, status)}");
        if (phase == "Succeeded")
            return new(Leaving, $"pod {name} has completed and will not run again");

        // A Pod that waits for its claim cannot be placed; the claim, not the Pod, is what to fix.
        if (phase == "Pending" && JsonText.Get(pod, "spec", "nodeName") is null && ClaimDiagnosis.ForPod(pod, storage, events) is { } claim)
            return new(Broken, claim);

        var scheduled = Condition(status, "PodScheduled");
        if (scheduled is not null && JsonText.Str(scheduled["status"]) == "False")
        {
            var why = JsonText.Str(scheduled["reason"]) == "Unschedulable" ? "unschedulable" : JsonText.Str(scheduled["reason"]) ?? "not scheduled";
            var message = JsonText.Str(scheduled["message"]) ?? PodEvents.LatestMessage(events, name, "FailedScheduling");
            return new(Broken, $"pod {name} is Pending: {why}{(message is null ? "" : $" ({message})")}{PodEvents.SchedulingHint(message)}");
        }

        if (scheduled is null && phase == "Pending" && PodEvents.LatestMessage(events, name, "FailedScheduling") is { } unscheduled)
            return new(Broken, $"pod {name} is Pending: unschedulable ({unscheduled}){PodEvents.SchedulingHint(unscheduled)}");

        foreach (var init in Statuses(status, "initContainerStatuses"))
            if (ExplainInit(pod, name, init) is { } problem)
                return problem;

        var containers = Statuses(status, "containerStatuses").ToList();
        var multiple = containers.Count > 1;
        foreach (var container in containers)
            if (ExplainContainer(pod, name, container, multiple, events) is { } problem)
                return problem;

        if (containers.Count == 0 && phase == "Pending")
            return new(Waiting, $"pod {name} is Pending");
        var ready = Condition(status, "Ready");
        if (ready is not null && JsonText.Str(ready["status"]) != "True" && containers.Count == 0)
            return new(Waiting, $"pod {name} is not ready");
        return null;
    }

    private static PodProblem? ExplainInit(JsonObject pod, string name, JsonObject init)
    {
        var container = JsonText.Str(init["name"]) ?? "?";
        if (JsonText.Get(init, "state", "terminated") is JsonObject done)
        {
            var code = JsonText.Int(done["exitCode"]);
            return code == 0 ? null
                : new(Broken, $"pod {name}: init container {container} failed with exit code {code} — read `kubectl logs {name} -c {container}`");
        }
        if (JsonText.Get(init, "state", "waiting") is JsonObject waiting &&
            JsonText.Str(waiting["reason"]) is { } reason && reason != "PodInitializing")
            return ExplainWaiting(pod, name, container, reason, JsonText.Str(waiting["message"]), init, namedContainer: true, []);
        if (JsonText.Get(init, "state", "running") is not null)
            return new(Waiting, $"pod {name} is waiting for init container {container} to finish");
        return null;
    }

    private static PodProblem? ExplainContainer(JsonObject pod, string name, JsonObject container, bool multiple, IReadOnlyList<JsonObject> events)
    {
        var containerName = JsonText.Str(container["name"]) ?? "?";
        if (JsonText.Get(container, "state", "waiting") is JsonObject waiting)
        {
            var reason = JsonText.Str(waiting["reason"]) ?? "waiting";
            return ExplainWaiting(pod, name, containerName, reason, JsonText.Str(waiting["message"]), container, multiple, events);
        }
        if (JsonText.Get(container, "state", "terminated") is JsonObject terminated)
        {
            var code = JsonText.Int(terminated["exitCode"]);
            var reason = JsonText.Str(terminated["reason"]);
            return new(Broken, $"pod {name}: container {containerName} exited with code {code}{(reason is null ? "" : $" ({reason})")}");
        }
        if (container["ready"] is JsonValue ready && ready.GetValueKind() == System.Text.Json.JsonValueKind.False)
        {
            var hasProbe = (JsonText.Get(pod, "spec", "containers") as JsonArray)?
                .FirstOrDefault(c => JsonText.NameOf(c) == containerName) is JsonObject spec && spec["readinessProbe"] is not null;
            var unhealthy = PodEvents.LatestMessage(events, name, "Unhealthy");
            return new(Waiting, hasProbe
                ? $"pod {name} is running but not ready: the readiness probe of {containerName} is failing{(unhealthy is null ? "" : $" ({unhealthy})")}"
                : $"pod {name} is running but {containerName} is not ready yet");
        }
        return null;
    }

    private static PodProblem ExplainWaiting(JsonObject podObject, string pod, string container, string reason, string? message, JsonObject status, bool namedContainer,
        IReadOnlyList<JsonObject> events)
    {
        var image = JsonText.Str(status["image"]) ?? "?";
        var logs = namedContainer ? $"kubectl logs {pod} -c {container} --previous" : $"kubectl logs {pod} --previous";
        switch (reason)
        {
            case "ContainerCreating" or "PodInitializing":
                return new(Waiting, $"pod {pod} is {reason}");
            case "ErrImagePull" or "ImagePullBackOff":
                return new(Broken, PodEvents.PullFailure(podObject, pod, reason, image, events));
            case "InvalidImageName":
                return new(Broken, $"pod {pod} is waiting: InvalidImageName (\"{image}\" is not a valid image reference)");
            case "CrashLoopBackOff":
                var last = JsonText.Get(status, "lastState", "terminated");
                if (JsonText.Str(JsonText.Get(last, "reason")) == "OOMKilled")
                    return new(Broken, $"pod {pod} is waiting: CrashLoopBackOff: {container} ran out of memory (OOMKilled) — raise its memory limit");
                var code = last is null ? "" : $": last exit code {JsonText.Int(JsonText.Get(last, "exitCode"))}";
                return new(Broken, $"pod {pod} is waiting: CrashLoopBackOff{code} — read `{logs}`");
            case "CreateContainerConfigError":
                return new(Broken, $"pod {pod} is waiting: CreateContainerConfigError{Detail(message)} — check the ConfigMaps and Secrets it references");
            default:
                return new(Broken, $"pod {pod} is waiting: {reason}{Detail(message)}");
        }
    }

    /// <summary>": container backup exited with code 1 (its message) — read `kubectl logs …`", for the first container that failed.</summary>
    private static string FailedContainer(string pod, JsonNode? status)
    {
        foreach (var container in Statuses(status, "containerStatuses"))
        {
            if (JsonText.Get(container, "state", "terminated") is not JsonObject done || JsonText.Int(done["exitCode"]) == 0) continue;
            var name = JsonText.Str(container["name"]) ?? "?";
            return $": container {name} exited with code {JsonText.Int(done["exitCode"])}{Detail(JsonText.Str(done["message"]))} — read `kubectl logs {pod} -c {name}`";
        }
        return "";
    }

    private static string Detail(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" ({message})";

    private static string Reason(JsonNode? status)
    {
        var reason = JsonText.Str(JsonText.Get(status, "reason"));
        var message = JsonText.Str(JsonText.Get(status, "message"));
        return (reason, message) switch
        {
            (null, null) => "",
            ({ } r, null) => $": {r}",
            (null, { } m) => $" ({m})",
            ({ } r, { } m) => $": {r} ({m})",
        };
    }

    private static JsonObject? Condition(JsonNode? status, string type) =>
        (JsonText.Get(status, "conditions") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => JsonText.Str(c["type"]) == type);

    private static IEnumerable<JsonObject> Statuses(JsonNode? status, string field) =>
        (JsonText.Get(status, field) as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string NameOf(JsonObject obj) => JsonText.Str(JsonText.Get(obj, "metadata", "name")) ?? "?";

    private static string ShowLabels(IReadOnlyDictionary<string, string> labels, HashSet<string> selectorKeys)
    {
        var relevant = labels.Where(l => selectorKeys.Contains(l.Key)).ToList();
        if (relevant.Count == 0)
            relevant = labels.Where(l => !GeneratedLabels.Contains(l.Key)).ToList();
        return relevant.Count == 0 ? "no labels" : string.Join(",", relevant.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
    }
}
