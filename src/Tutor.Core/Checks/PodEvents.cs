using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>
/// What the Events about a Pod add to its status: the scheduler's reason a Pod stays Pending, the kubelet's
/// reason a pull failed, the probe's last failure. Pure, like <see cref="PodDiagnosis"/>.
/// </summary>
public static class PodEvents
{
    /// <summary>The message of the newest Event with <paramref name="reason"/> about the Pod, or null.</summary>
    public static string? LatestMessage(IReadOnlyList<JsonObject> events, string pod, string reason) =>
        LatestMessageAbout(events, "Pod", pod, reason);

    /// <summary>The message of the newest Event with <paramref name="reason"/> about the object of that kind and name, or null.</summary>
    public static string? LatestMessageAbout(IReadOnlyList<JsonObject> events, string kind, string name, string reason) =>
        events
            .Where(e => JsonText.Str(JsonText.Get(e, "involvedObject", "kind")) == kind
                && JsonText.Str(JsonText.Get(e, "involvedObject", "name")) == name
                && JsonText.Str(e["reason"]) == reason)
            .Select((e, order) => (Event: e, Order: order))
            // Timestamps are RFC 3339 in UTC, so they order as strings; the list order breaks ties.
            .OrderBy(e => JsonText.Str(e.Event["lastTimestamp"]) ?? JsonText.Str(e.Event["eventTime"]) ?? JsonText.Str(JsonText.Get(e.Event, "metadata", "creationTimestamp")) ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Order)
            .Select(e => JsonText.Str(e.Event["message"]))
            .LastOrDefault(m => !string.IsNullOrWhiteSpace(m));

    /// <summary>What to change, read from the scheduler's message ("0/1 nodes are available: 1 Insufficient cpu.").</summary>
    public static string SchedulingHint(string? message)
    {
        if (message is null) return "";
        if (message.Contains("Insufficient", StringComparison.OrdinalIgnoreCase))
            return " — no node has room for its requests: lower spec.containers[].resources.requests or free some room";
        if (message.Contains("node affinity/selector", StringComparison.OrdinalIgnoreCase) || message.Contains("node selector", StringComparison.OrdinalIgnoreCase))
            return " — no node has the labels its nodeSelector or affinity asks for: compare with `kubectl get nodes --show-labels`";
        if (message.Contains("taint", StringComparison.OrdinalIgnoreCase))
            return " — the nodes carry taints it does not tolerate: add a toleration or use another node";
        if (message.Contains("persistentvolumeclaim", StringComparison.OrdinalIgnoreCase))
            return " — a PersistentVolumeClaim it mounts is not bound: read `kubectl describe pvc`";
        return "";
    }

    /// <summary>Why an image could not be pulled: the name or tag, or the registry's refusal and the pull secret.</summary>
    public static string PullFailure(JsonObject pod, string name, string reason, string image, IReadOnlyList<JsonObject> events)
    {
        var start = $"pod {name} is waiting: {reason}";
        var kubelet = LatestMessage(events, name, "Failed");
        var secrets = (JsonText.Get(pod, "spec", "imagePullSecrets") as JsonArray)?.OfType<JsonObject>()
            .Select(s => JsonText.Str(s["name"])).OfType<string>().ToList() ?? [];
        var refused = kubelet is not null && (kubelet.Contains("unauthorized", StringComparison.OrdinalIgnoreCase)
            || kubelet.Contains("denied", StringComparison.OrdinalIgnoreCase) || kubelet.Contains("authentication", StringComparison.OrdinalIgnoreCase));
        if (refused)
        {
            var secretAdvice = secrets.Count == 0
                ? "the Pod names no imagePullSecrets: create a docker-registry Secret and list it under spec.imagePullSecrets"
                : $"check that the Secret {string.Join(", ", secrets)} exists in the namespace and holds credentials for that registry";
            return $"{start} (the registry refused to give image {image}: {secretAdvice})";
        }

        var said = kubelet is null ? "" : $"; the kubelet says: {kubelet}";
        return $"{start} (image {image} could not be pulled — check the image name and tag{said})";
    }
}
