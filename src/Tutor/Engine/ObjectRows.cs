using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Tui;

namespace Tutor.Engine;

/// <summary>
/// Turns the watch's latest snapshot into the objects panel's rows, the way <c>kubectl get</c> sums them up:
/// workloads as ready/desired, Pods by the state that matters (a waiting reason before the phase). Pure.
/// </summary>
public static class ObjectRows
{
    // Workloads first, then their Pods, then what they use; the rest after, by kind.
    private static readonly string[] Order = ["Namespace", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "Service", "PersistentVolumeClaim"];

    // Listed by the watch for the checks, but noise in a panel of the learner's objects.
    private static readonly HashSet<string> Hidden = ["Event", "Endpoints", "EndpointSlice", "ReplicaSet", "ControllerRevision"];

    private static readonly Dictionary<string, string> Short = new()
    {
        ["Namespace"] = "ns", ["Deployment"] = "deploy", ["StatefulSet"] = "sts", ["DaemonSet"] = "ds", ["Job"] = "job", ["CronJob"] = "cj",
        ["Pod"] = "po", ["Service"] = "svc", ["ConfigMap"] = "cm", ["Secret"] = "secret", ["PersistentVolumeClaim"] = "pvc",
        ["Ingress"] = "ing", ["NetworkPolicy"] = "netpol", ["ServiceAccount"] = "sa", ["HorizontalPodAutoscaler"] = "hpa",
    };

    private static readonly HashSet<string> FailingReasons =
        ["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "Error", "OOMKilled", "RunContainerError"];

    /// <summary>The rows for a snapshot; null before the first snapshot or while the cluster does not answer.</summary>
    public static IReadOnlyList<ObjectRow>? From(ClusterSnapshot? snapshot)
    {
        if (snapshot is not { Reachable: true }) return null;
        return snapshot.Kinds
            .Where(k => !Hidden.Contains(k.Kind))
            .OrderBy(k => Array.IndexOf(Order, k.Kind) is var i && i >= 0 ? i : Order.Length)
            .ThenBy(k => k.Kind, StringComparer.Ordinal)
            .SelectMany(k => snapshot.List(k)
                .Select(o => (Name: Text(o["metadata"]?["name"]) ?? "?", Object: o))
                // Namespaces are listed cluster-wide; only the learner's is theirs.
                .Where(o => k.Kind != "Namespace" || o.Name == snapshot.Namespace)
                .OrderBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => Row(k.Kind, o.Name, o.Object)))
            .ToList();
    }

    public static ObjectRow Row(string kind, string name, JsonObject o)
    {
        var label = $"{(Short.TryGetValue(kind, out var s) ? s : kind.ToLowerInvariant())}/{name}";
        var (status, health) = kind switch
        {
            "Deployment" or "StatefulSet" => Ratio(Int(o["status"]?["readyReplicas"]), Int(o["spec"]?["replicas"]) ?? 1),
            "DaemonSet" => Ratio(Int(o["status"]?["numberReady"]), Int(o["status"]?["desiredNumberScheduled"]) ?? 0),
            "Job" => Job(o),
            "Pod" => Pod(o),
            "Namespace" => Text(o["status"]?["phase"]) switch
            {
                "Terminating" => ("Terminating", ObjectHealth.Progressing),
                _ => ("Active", ObjectHealth.Ready),
            },
            "PersistentVolumeClaim" => Text(o["status"]?["phase"]) switch
            {
                "Bound" => ("Bound", ObjectHealth.Ready),
                { } phase => (phase, ObjectHealth.Progressing),
                null => ("Pending", ObjectHealth.Progressing),
            },
            _ => ("", ObjectHealth.None),
        };
        return new ObjectRow(label, status, health);
    }

    private static (string, ObjectHealth) Ratio(int? ready, int desired)
    {
        var r = ready ?? 0;
        return ($"{r}/{desired}", desired == 0 ? ObjectHealth.None : r >= desired ? ObjectHealth.Ready : ObjectHealth.Progressing);
    }

    private static (string, ObjectHealth) Job(JsonObject o)
    {
        var completions = Int(o["spec"]?["completions"]) ?? 1;
        var succeeded = Int(o["status"]?["succeeded"]) ?? 0;
        if ((Int(o["status"]?["failed"]) ?? 0) > 0 && succeeded < completions) return ($"{succeeded}/{completions} failed", ObjectHealth.Failing);
        return ($"{succeeded}/{completions}", succeeded >= completions ? ObjectHealth.Ready : ObjectHealth.Progressing);
    }

    private static (string, ObjectHealth) Pod(JsonObject o)
    {
        if (o["metadata"]?["deletionTimestamp"] is not null) return ("Terminating", ObjectHealth.Progressing);
        var statuses = (o["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var container in statuses)
        {
            var reason = Text(container["state"]?["waiting"]?["reason"]) ?? Text(container["state"]?["terminated"]?["reason"]);
            if (reason is null || reason == "Completed") continue;
            return (reason, FailingReasons.Contains(reason) ? ObjectHealth.Failing : ObjectHealth.Progressing);
        }

        var ready = statuses.Count(c => c["ready"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);
        return Text(o["status"]?["phase"]) switch
        {
            "Running" when statuses.Count > 0 && ready == statuses.Count => ("Running", ObjectHealth.Ready),
            "Running" => ($"Running {ready}/{statuses.Count}", ObjectHealth.Progressing),
            "Succeeded" => ("Completed", ObjectHealth.None),
            "Failed" => ("Failed", ObjectHealth.Failing),
            { } phase => (phase, ObjectHealth.Progressing),
            null => ("Pending", ObjectHealth.Progressing),
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
