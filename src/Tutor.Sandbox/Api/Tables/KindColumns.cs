using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Tables;

/// <summary>The columns a real API server's Table answers carry for each kind, so <c>kubectl get</c> prints what the lessons show.</summary>
public static class KindColumns
{
    public static IReadOnlyList<TableColumn> For(ResourceType type) => type.Kind switch
    {
        "Pod" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Ready", o => $"{Statuses(o).Count(c => c["ready"]?.GetValue<bool>() == true)}/{Containers(o, "containers").Count()}"),
            TableColumn.Text("Status", PodStatus),
            TableColumn.Text("Restarts", o => Statuses(o).Sum(c => Int(c["restartCount"])).ToString()),
            TableColumn.AgeColumn,
            TableColumn.Text("IP", o => Text(o["status"]?["podIP"]), wide: true),
            TableColumn.Text("Node", o => Text(o["spec"]?["nodeName"]), wide: true),
            TableColumn.Text("Nominated Node", _ => null, wide: true),
            TableColumn.Text("Readiness Gates", _ => null, wide: true),
        ],
        "Deployment" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Ready", o => $"{Int(o["status"]?["readyReplicas"])}/{Int(o["spec"]?["replicas"], 1)}"),
            TableColumn.Number("Up-to-date", o => Int(o["status"]?["updatedReplicas"])),
            TableColumn.Number("Available", o => Int(o["status"]?["availableReplicas"])),
            TableColumn.AgeColumn,
            .. WorkloadWide,
        ],
        "ReplicaSet" =>
        [
            TableColumn.NameColumn,
            TableColumn.Number("Desired", o => Int(o["spec"]?["replicas"], 1)),
            TableColumn.Number("Current", o => Int(o["status"]?["replicas"])),
            TableColumn.Number("Ready", o => Int(o["status"]?["readyReplicas"])),
            TableColumn.AgeColumn,
            .. WorkloadWide,
        ],
        "StatefulSet" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Ready", o => $"{Int(o["status"]?["readyReplicas"])}/{Int(o["spec"]?["replicas"], 1)}"),
            TableColumn.AgeColumn,
            .. WorkloadWide,
        ],
        "Service" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Type", o => Text(o["spec"]?["type"])),
            TableColumn.Text("Cluster-IP", o => Text(o["spec"]?["clusterIP"])),
            TableColumn.Text("External-IP", ExternalIp),
            TableColumn.Text("Port(s)", Ports),
            TableColumn.AgeColumn,
            TableColumn.Text("Selector", o => Pairs(o["spec"]?["selector"]), wide: true),
        ],
        "Namespace" => [TableColumn.NameColumn, TableColumn.Text("Status", o => Text(o["status"]?["phase"])), TableColumn.AgeColumn],
        "Node" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Status", o => ((o["status"]?["conditions"] as JsonArray)?.Any(c => Text(c?["type"]) == "Ready" && Text(c?["status"]) == "True") == true ? "Ready" : "NotReady")
                + (o["spec"]?["unschedulable"] is JsonValue cordoned && cordoned.TryGetValue<bool>(out var off) && off ? ",SchedulingDisabled" : "")),
            TableColumn.Text("Roles", o => (o["metadata"]?["labels"] as JsonObject)?.Select(l => l.Key).Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
                .Select(k => k["node-role.kubernetes.io/".Length..]).DefaultIfEmpty("<none>").Aggregate((a, b) => $"{a},{b}")),
            TableColumn.AgeColumn,
            TableColumn.Text("Version", o => Text(o["status"]?["nodeInfo"]?["kubeletVersion"])),
            TableColumn.Text("Internal-IP", o => Text((o["status"]?["addresses"] as JsonArray)?.FirstOrDefault(a => Text(a?["type"]) == "InternalIP")?["address"]), wide: true),
        ],
        "PersistentVolumeClaim" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Status", o => Text(o["status"]?["phase"])),
            TableColumn.Text("Volume", o => Text(o["spec"]?["volumeName"]) ?? ""),
            TableColumn.Text("Capacity", o => Text(o["status"]?["capacity"]?["storage"]) ?? ""),
            TableColumn.Text("Access Modes", o => AccessModes(o["status"]?["accessModes"])),
            TableColumn.Text("StorageClass", o => Text(o["spec"]?["storageClassName"])),
            TableColumn.Text("VolumeAttributesClass", o => Text(o["spec"]?["volumeAttributesClassName"])),
            TableColumn.AgeColumn,
            TableColumn.Text("VolumeMode", o => Text(o["spec"]?["volumeMode"]), wide: true),
        ],
        "PersistentVolume" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Capacity", o => Text(o["spec"]?["capacity"]?["storage"]) ?? ""),
            TableColumn.Text("Access Modes", o => AccessModes(o["spec"]?["accessModes"])),
            TableColumn.Text("Reclaim Policy", o => Text(o["spec"]?["persistentVolumeReclaimPolicy"])),
            TableColumn.Text("Status", o => Text(o["status"]?["phase"])),
            TableColumn.Text("Claim", o => o["spec"]?["claimRef"] is JsonObject c ? $"{Text(c["namespace"])}/{Text(c["name"])}" : ""),
            TableColumn.Text("StorageClass", o => Text(o["spec"]?["storageClassName"]) ?? ""),
            TableColumn.Text("VolumeAttributesClass", o => Text(o["spec"]?["volumeAttributesClassName"])),
            TableColumn.Text("Reason", o => Text(o["status"]?["reason"]) ?? ""),
            TableColumn.AgeColumn,
            TableColumn.Text("VolumeMode", o => Text(o["spec"]?["volumeMode"]), wide: true),
        ],
        "StorageClass" =>
        [
            TableColumn.Text("Name", o => Text(o["metadata"]?["name"]) + (Text(o["metadata"]?["annotations"]?["storageclass.kubernetes.io/is-default-class"]) == "true" ? " (default)" : "")),
            TableColumn.Text("Provisioner", o => Text(o["provisioner"])),
            TableColumn.Text("ReclaimPolicy", o => Text(o["reclaimPolicy"]) ?? "Delete"),
            TableColumn.Text("VolumeBindingMode", o => Text(o["volumeBindingMode"]) ?? "Immediate"),
            TableColumn.Text("AllowVolumeExpansion", o => o["allowVolumeExpansion"] is JsonValue v && v.TryGetValue<bool>(out var b) && b ? "true" : "false"),
            TableColumn.AgeColumn,
        ],
        "ConfigMap" => [TableColumn.NameColumn, TableColumn.Number("Data", o => (o["data"] as JsonObject)?.Count ?? 0), TableColumn.AgeColumn],
        "Secret" => [TableColumn.NameColumn, TableColumn.Text("Type", o => Text(o["type"])), TableColumn.Number("Data", o => (o["data"] as JsonObject)?.Count ?? 0), TableColumn.AgeColumn],
        "Endpoints" => [TableColumn.NameColumn, TableColumn.Text("Endpoints", Endpoints), TableColumn.AgeColumn],
        "Job" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Status", o => (o["status"]?["conditions"] as JsonArray)?.Select(c => Text(c?["type"])).FirstOrDefault(t => t is "Complete" or "Failed") ?? "Running"),
            TableColumn.Text("Completions", o => $"{Int(o["status"]?["succeeded"])}/{Int(o["spec"]?["completions"], 1)}"),
            new("Duration", "string", 0, (o, now) => Text(o["status"]?["startTime"]) is { } start
                ? Age.Of(start, Text(o["status"]?["completionTime"]) is { } end && DateTimeOffset.TryParse(end, out var done) ? done : now) : ""),
            TableColumn.AgeColumn,
        ],
        "DaemonSet" =>
        [
            TableColumn.NameColumn,
            TableColumn.Number("Desired", o => Int(o["status"]?["desiredNumberScheduled"])),
            TableColumn.Number("Current", o => Int(o["status"]?["currentNumberScheduled"])),
            TableColumn.Number("Ready", o => Int(o["status"]?["numberReady"])),
            TableColumn.Number("Up-to-date", o => Int(o["status"]?["updatedNumberScheduled"])),
            TableColumn.Number("Available", o => Int(o["status"]?["numberAvailable"])),
            TableColumn.Text("Node Selector", o => Pairs(o["spec"]?["template"]?["spec"]?["nodeSelector"])),
            TableColumn.AgeColumn,
            .. WorkloadWide,
        ],
        "CronJob" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Schedule", o => Text(o["spec"]?["schedule"])),
            TableColumn.Text("Timezone", o => Text(o["spec"]?["timeZone"])),
            TableColumn.Text("Suspend", o => o["spec"]?["suspend"] is JsonValue v && v.TryGetValue<bool>(out var b) && b ? "True" : "False"),
            TableColumn.Number("Active", o => (o["status"]?["active"] as JsonArray)?.Count ?? 0),
            new("Last Schedule", "string", 0, (o, now) => Text(o["status"]?["lastScheduleTime"]) is { } last ? Age.Of(last, now) : "<none>"),
            TableColumn.AgeColumn,
        ],
        "Ingress" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Class", o => Text(o["spec"]?["ingressClassName"])),
            TableColumn.Text("Hosts", o => string.Join(",", ((o["spec"]?["rules"] as JsonArray) ?? []).Select(r => Text(r?["host"]) ?? "*").DefaultIfEmpty("*"))),
            TableColumn.Text("Address", _ => ""),
            TableColumn.Text("Ports", o => o["spec"]?["tls"] is JsonArray { Count: > 0 } ? "80, 443" : "80"),
            TableColumn.AgeColumn,
        ],
        "EndpointSlice" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("AddressType", o => Text(o["addressType"])),
            TableColumn.Text("Ports", o => string.Join(",", ((o["ports"] as JsonArray) ?? []).Select(p => Int(p?["port"]).ToString())) is { Length: > 0 } ports ? ports : "<unset>"),
            TableColumn.Text("Endpoints", SliceEndpoints),
            TableColumn.AgeColumn,
        ],
        "NetworkPolicy" => [TableColumn.NameColumn, TableColumn.Text("Pod-Selector", o => Pairs(o["spec"]?["podSelector"]?["matchLabels"]) ?? "<none>"), TableColumn.AgeColumn],
        "HorizontalPodAutoscaler" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Reference", o => $"{Text(o["spec"]?["scaleTargetRef"]?["kind"])}/{Text(o["spec"]?["scaleTargetRef"]?["name"])}"),
            TableColumn.Text("Targets", HpaTargets),
            TableColumn.Text("MinPods", o => Int(o["spec"]?["minReplicas"], 1).ToString()),
            TableColumn.Number("MaxPods", o => Int(o["spec"]?["maxReplicas"])),
            TableColumn.Number("Replicas", o => Int(o["status"]?["currentReplicas"])),
            TableColumn.AgeColumn,
        ],
        "PodDisruptionBudget" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Min Available", o => o["spec"]?["minAvailable"] is { } v ? Scalar(v) : "N/A"),
            TableColumn.Text("Max Unavailable", o => o["spec"]?["maxUnavailable"] is { } v ? Scalar(v) : "N/A"),
            TableColumn.Number("Allowed Disruptions", o => Int(o["status"]?["disruptionsAllowed"])),
            TableColumn.AgeColumn,
        ],
        "Event" =>
        [
            new("Last Seen", "string", 0, (o, now) => Age.Of(Text(o["lastTimestamp"]) ?? Text(o["eventTime"]), now)),
            TableColumn.Text("Type", o => Text(o["type"])),
            TableColumn.Text("Reason", o => Text(o["reason"])),
            TableColumn.Text("Object", o => $"{Text(o["involvedObject"]?["kind"])?.ToLowerInvariant()}/{Text(o["involvedObject"]?["name"])}"),
            TableColumn.Text("Message", o => Text(o["message"])),
        ],
        "Role" or "ClusterRole" => [TableColumn.NameColumn, TableColumn.Text("Created At", o => Text(o["metadata"]?["creationTimestamp"]))],
        "RoleBinding" or "ClusterRoleBinding" =>
        [
            TableColumn.NameColumn,
            TableColumn.Text("Role", o => $"{Text(o["roleRef"]?["kind"])}/{Text(o["roleRef"]?["name"])}"),
            TableColumn.AgeColumn,
            TableColumn.Text("Users", o => Subjects(o, "User"), wide: true),
            TableColumn.Text("Groups", o => Subjects(o, "Group"), wide: true),
            TableColumn.Text("ServiceAccounts", o => Subjects(o, "ServiceAccount"), wide: true),
        ],
        "ServiceAccount" => [TableColumn.NameColumn, TableColumn.Number("Secrets", o => (o["secrets"] as JsonArray)?.Count ?? 0), TableColumn.AgeColumn],
        "Lease" => [TableColumn.NameColumn, TableColumn.Text("Holder", o => Text(o["spec"]?["holderIdentity"]) ?? ""), TableColumn.AgeColumn],
        _ => [TableColumn.NameColumn, TableColumn.AgeColumn],
    };

    /// <summary>A binding's subjects of one kind, as <c>kubectl get rolebindings -o wide</c> lists them (ServiceAccounts as namespace:name).</summary>
    private static string Subjects(JsonObject binding, string kind) => string.Join(", ",
        ((binding["subjects"] as JsonArray) ?? []).OfType<JsonObject>().Where(s => Text(s["kind"]) == kind)
            .Select(s => kind == "ServiceAccount" ? $"{Text(s["namespace"]) ?? Text(binding["metadata"]?["namespace"])}:{Text(s["name"])}" : Text(s["name"])));

    private static readonly TableColumn[] WorkloadWide =
    [
        TableColumn.Text("Containers", o => string.Join(",", Containers(o["spec"]?["template"] as JsonObject, "containers").Select(c => Text(c["name"]))), wide: true),
        TableColumn.Text("Images", o => string.Join(",", Containers(o["spec"]?["template"] as JsonObject, "containers").Select(c => Text(c["image"]))), wide: true),
        TableColumn.Text("Selector", o => Pairs(o["spec"]?["selector"]?["matchLabels"]), wide: true),
    ];

    // "cpu: <unknown>/80%" until metrics arrive, as kubectl shows on a cluster without metrics-server.
    private static string HpaTargets(JsonObject hpa) => string.Join(", ", ((hpa["spec"]?["metrics"] as JsonArray) ?? []).OfType<JsonObject>().Select(m =>
    {
        var source = m["resource"] ?? m["containerResource"];
        var target = source?["target"] ?? m["pods"]?["target"] ?? m["object"]?["target"] ?? m["external"]?["target"];
        var wanted = Text(target?["type"]) == "Utilization" ? $"{Int(target?["averageUtilization"])}%" : Scalar(target?["averageValue"] ?? target?["value"]);
        return $"{(Text(source?["name"]) is { } name ? name + ": " : "")}<unknown>/{wanted}";
    }).DefaultIfEmpty("<none>"));

    // As kubectl prints them: the first three addresses, then how many more.
    private static string SliceEndpoints(JsonObject slice)
    {
        var addresses = ((slice["endpoints"] as JsonArray) ?? []).SelectMany(e => (e?["addresses"] as JsonArray) ?? []).Select(Text).OfType<string>().ToList();
        if (addresses.Count == 0) return "<unset>";
        var shown = string.Join(",", addresses.Take(3));
        return addresses.Count > 3 ? $"{shown} + {addresses.Count - 3} more..." : shown;
    }

    private static string Scalar(JsonNode? value) => value is JsonValue v ? (Text(v) ?? v.ToJsonString()) : "";

    /// <summary>The STATUS of <c>kubectl get pods</c>: a waiting or terminated reason when there is one, else the phase.</summary>
    public static string PodStatus(JsonObject pod)
    {
        if (pod["metadata"]?["deletionTimestamp"] is not null) return "Terminating";
        var init = (pod["status"]?["initContainerStatuses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        for (var i = 0; i < init.Count; i++)
        {
            var state = init[i]["state"];
            if (state?["terminated"]?["exitCode"] is { } code && Int(code) == 0) continue;
            if (Text(state?["waiting"]?["reason"]) is { } waiting && waiting != "PodInitializing") return $"Init:{waiting}";
            return $"Init:{i}/{init.Count}";
        }

        var reason = Text(pod["status"]?["phase"]) ?? "Pending";
        foreach (var status in Statuses(pod))
        {
            if (Text(status["state"]?["waiting"]?["reason"]) is { } waiting) reason = waiting;
            else if (status["state"]?["terminated"] is JsonObject terminated) reason = Text(terminated["reason"]) ?? $"ExitCode:{Int(terminated["exitCode"])}";
        }

        return reason;
    }

    private static string? ExternalIp(JsonObject service)
    {
        var type = Text(service["spec"]?["type"]);
        if (type == "LoadBalancer")
            return (service["status"]?["loadBalancer"]?["ingress"] as JsonArray)?.Select(i => Text(i?["ip"]) ?? Text(i?["hostname"])).FirstOrDefault() ?? "<pending>";
        if (type == "ExternalName") return Text(service["spec"]?["externalName"]);
        return "<none>";
    }

    private static string Ports(JsonObject service)
    {
        var ports = ((service["spec"]?["ports"] as JsonArray) ?? []).OfType<JsonObject>()
            .Select(p => $"{Int(p["port"])}{(p["nodePort"] is { } n ? $":{Int(n)}" : "")}/{Text(p["protocol"]) ?? "TCP"}").ToList();
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    private static string Endpoints(JsonObject endpoints)
    {
        var list = ((endpoints["subsets"] as JsonArray) ?? []).OfType<JsonObject>()
            .SelectMany(s => ((s["addresses"] as JsonArray) ?? []).SelectMany(a => ((s["ports"] as JsonArray) ?? []).Select(p => $"{Text(a?["ip"])}:{Int(p?["port"])}")))
            .ToList();
        return list.Count == 0 ? "<none>" : list.Count <= 3 ? string.Join(",", list) : $"{string.Join(",", list.Take(3))} + {list.Count - 3} more...";
    }

    /// <summary>Access modes abbreviated as kubectl prints them (RWO, ROX, RWX, RWOP).</summary>
    private static string AccessModes(JsonNode? modes) => string.Join(",", ((modes as JsonArray) ?? []).Select(m => Text(m) switch
    {
        "ReadWriteOnce" => "RWO",
        "ReadOnlyMany" => "ROX",
        "ReadWriteMany" => "RWX",
        "ReadWriteOncePod" => "RWOP",
        var other => other,
    }));

    private static IEnumerable<JsonObject> Statuses(JsonObject pod) => (pod["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static IEnumerable<JsonObject> Containers(JsonObject? podOrTemplate, string list) =>
        (podOrTemplate?["spec"]?[list] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string? Pairs(JsonNode? map) =>
        map is JsonObject o && o.Count > 0 ? string.Join(",", o.Select(kv => $"{kv.Key}={Text(kv.Value)}")) : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int Int(JsonNode? node, int fallback = 0) => Admission.Json.Integer(node) is { } n ? (int)n : fallback;
}
