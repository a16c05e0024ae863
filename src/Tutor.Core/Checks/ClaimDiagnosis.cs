using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>
/// Explains, as an instructor would, why a PersistentVolumeClaim is not Bound: no class and no default, a class
/// that does not exist, a class waiting for its first consumer, an access mode the provisioner cannot give, a
/// claim larger than any pre-made volume. Pure: it reads the claim, the cluster's classes and volumes, the Pods
/// that mount it and the claim's Events.
/// </summary>
public static class ClaimDiagnosis
{
    private const string DefaultAnnotation = "storageclass.kubernetes.io/is-default-class";
    private const string SelectedNode = "volume.kubernetes.io/selected-node";
    private const string NoProvisioner = "kubernetes.io/no-provisioner";

    // Provisioners of node-local or block disks: one node mounts a volume at a time, so they give ReadWriteOnce
    // (and ReadWriteOncePod) only. A claim for ReadWriteMany or ReadOnlyMany on them stays Pending.
    private static readonly HashSet<string> SingleNodeProvisioners =
    [
        "rancher.io/local-path", "ebs.csi.aws.com", "kubernetes.io/aws-ebs", "pd.csi.storage.gke.io", "kubernetes.io/gce-pd",
        "disk.csi.azure.com", "kubernetes.io/azure-disk", "cinder.csi.openstack.org", "driver.longhorn.io",
    ];

    /// <summary>Why a claim a Pod mounts keeps the Pod Pending, or null when the claim is bound or is only waiting for this Pod.</summary>
    public static string? ForPod(JsonObject pod, StorageFacts facts, IReadOnlyList<JsonObject> events)
    {
        if (facts.Claims.Count == 0 && facts.Classes.Count == 0) return null;
        var podName = Name(pod);
        foreach (var claimName in ClaimNames(pod))
        {
            if (facts.Claim(claimName) is not { } claim)
                return $"pod {podName} is Pending: the PersistentVolumeClaim {claimName} it mounts does not exist — create it, or fix spec.volumes[].persistentVolumeClaim.claimName";
            if (Phase(claim) == "Bound") continue;
            // A claim waiting for its first consumer waits for this very Pod: the Pod's own scheduling is the story.
            if (IsWaitingForConsumer(claim, facts) && JsonText.Get(claim, "metadata", "annotations", SelectedNode) is null) continue;
            return $"pod {podName} is Pending: its claim {claimName} is not bound — {Explain(claim, facts, [], events)}";
        }
        return null;
    }

    /// <summary>Why the claim is not Bound, in one sentence; null when it is.</summary>
    public static string? Explain(JsonObject claim, StorageFacts facts, IReadOnlyList<JsonObject> pods, IReadOnlyList<JsonObject> events)
    {
        var name = Name(claim);
        var phase = Phase(claim);
        if (phase == "Bound") return null;
        if (phase == "Lost")
            return $"claim {name} lost its volume {JsonText.Str(JsonText.Get(claim, "spec", "volumeName"))}: the PersistentVolume is gone, and the data with it";
        if (JsonText.Get(claim, "metadata", "deletionTimestamp") is not null)
            return $"claim {name} is being deleted; it waits until no Pod mounts it (kubernetes.io/pvc-protection)";

        var said = LatestClaimEvent(events, name);
        var named = JsonText.Str(JsonText.Get(claim, "spec", "volumeName"));
        if (named is not null)
            return facts.Volumes.Any(v => Name(v) == named)
                ? $"claim {name} asks for the PersistentVolume {named} by name, which does not fit it or is bound elsewhere{Said(said)}"
                : $"claim {name} asks for the PersistentVolume {named} by name, which does not exist";

        var classNode = JsonText.Get(claim, "spec", "storageClassName");
        var className = JsonText.Str(classNode);
        var requested = Storage(JsonText.Get(claim, "spec", "resources", "requests", "storage"));
        var modes = Modes(JsonText.Get(claim, "spec", "accessModes"));

        if (string.IsNullOrEmpty(className))
        {
            var why = className is null
                ? $"claim {name} names no storageClassName and {DefaultClassText(facts)}"
                : $"claim {name} asks for no class (storageClassName: \"\")";
            return $"{why}, so only a pre-made PersistentVolume without a class can serve it{StaticVolumes("", requested, modes, facts)} — set spec.storageClassName{Offer(facts)}";
        }

        var storageClass = facts.Classes.FirstOrDefault(c => Name(c) == className);
        if (storageClass is null)
            return facts.Classes.Count == 0
                ? $"claim {name} asks for StorageClass \"{className}\", and Tutor sees no StorageClass in the cluster{Said(said)}"
                : $"claim {name} asks for StorageClass \"{className}\", which does not exist{Offer(facts)} — a claim's class cannot be changed: delete the claim and create it with one of these";

        var provisioner = JsonText.Str(storageClass["provisioner"]) ?? "";
        var wide = modes.Where(m => m is "ReadWriteMany" or "ReadOnlyMany").ToList();
        if (wide.Count > 0 && SingleNodeProvisioners.Contains(provisioner))
            return $"claim {name} asks for {string.Join(" and ", wide)}, but class {className} ({provisioner}) gives only ReadWriteOnce volumes, mounted by one node at a time{Said(said)} — " +
                   "ask for ReadWriteOnce (one database Pod needs no more), or use a class for shared file systems";

        if (provisioner == NoProvisioner)
            return $"class {className} makes no volumes ({NoProvisioner}), so claim {name} waits for an administrator's PersistentVolume{StaticVolumes(className, requested, modes, facts)}";

        if (IsWaitingForConsumer(claim, facts) && JsonText.Get(claim, "metadata", "annotations", SelectedNode) is null)
        {
            var users = pods.Where(p => ClaimNames(p).Contains(name)).Select(Name).ToList();
            return users.Count == 0
                ? $"claim {name} waits for its first consumer: class {className} binds WaitForFirstConsumer, so no volume is made until a Pod that mounts it is scheduled, and no Pod mounts it yet"
                : $"claim {name} waits for its first consumer: class {className} binds WaitForFirstConsumer, and pod {users[0]}, which mounts it, is not scheduled yet";
        }

        return said is not null
            ? $"claim {name} is Pending: {said}"
            : $"claim {name} is Pending: waiting for the provisioner {provisioner} of class {className} to make a volume";
    }

    private static bool IsWaitingForConsumer(JsonObject claim, StorageFacts facts)
    {
        var className = JsonText.Str(JsonText.Get(claim, "spec", "storageClassName"));
        var storageClass = facts.Classes.FirstOrDefault(c => Name(c) == className);
        return storageClass is not null && JsonText.Str(storageClass["volumeBindingMode"]) == "WaitForFirstConsumer";
    }

    /// <summary>What the pre-made volumes of a class offer against the claim: too small, the wrong mode, or none at all.</summary>
    private static string StaticVolumes(string className, decimal requested, IReadOnlyList<string> modes, StorageFacts facts)
    {
        var candidates = facts.Volumes
            .Where(v => (JsonText.Str(JsonText.Get(v, "spec", "storageClassName")) ?? "") == className)
            .Where(v => JsonText.Str(JsonText.Get(v, "status", "phase")) is null or "Available")
            .ToList();
        if (candidates.Count == 0)
            return facts.Volumes.Count == 0 ? "; there is no PersistentVolume at all" : $"; no free PersistentVolume has class \"{className}\"";
        var roomy = candidates.Where(v => Storage(JsonText.Get(v, "spec", "capacity", "storage")) >= requested).ToList();
        if (roomy.Count == 0)
        {
            var largest = candidates.OrderByDescending(v => Storage(JsonText.Get(v, "spec", "capacity", "storage"))).First();
            return $"; it asks for {Show(requested)}, and the largest free volume, {Name(largest)}, offers {JsonText.Str(JsonText.Get(largest, "spec", "capacity", "storage"))}";
        }
        var fitting = roomy.Where(v => modes.All(Modes(JsonText.Get(v, "spec", "accessModes")).Contains)).ToList();
        if (fitting.Count == 0)
            return $"; {Name(roomy[0])} is large enough but offers {string.Join(", ", Modes(JsonText.Get(roomy[0], "spec", "accessModes")))}, not {string.Join(", ", modes)}";
        return "";
    }

    private static string DefaultClassText(StorageFacts facts)
    {
        var defaults = facts.Classes.Where(IsDefault).Select(Name).ToList();
        return defaults.Count == 0
            ? "the cluster has no default StorageClass"
            : $"was made before {defaults[0]} became the default class (the default is given only when a claim is created)";
    }

    /// <summary>"; classes that exist: fast, standard (default)".</summary>
    private static string Offer(StorageFacts facts) =>
        facts.Classes.Count == 0
            ? "; the cluster has no StorageClass"
            : $"; classes that exist: {string.Join(", ", facts.Classes.Select(c => IsDefault(c) ? $"{Name(c)} (default)" : Name(c)))}";

    private static bool IsDefault(JsonObject storageClass) =>
        JsonText.Str(JsonText.Get(storageClass, "metadata", "annotations", DefaultAnnotation)) == "true";

    private static string? LatestClaimEvent(IReadOnlyList<JsonObject> events, string claim) =>
        PodEvents.LatestMessageAbout(events, "PersistentVolumeClaim", claim, "ProvisioningFailed")
        ?? PodEvents.LatestMessageAbout(events, "PersistentVolumeClaim", claim, "FailedBinding")
        ?? PodEvents.LatestMessageAbout(events, "PersistentVolumeClaim", claim, "ExternalProvisioning");

    private static string Said(string? message) => message is null ? "" : $" (the cluster says: {message})";

    internal static IReadOnlyList<string> ClaimNames(JsonObject pod) =>
        (JsonText.Get(pod, "spec", "volumes") as JsonArray)?.OfType<JsonObject>()
            .Select(v => JsonText.Str(JsonText.Get(v, "persistentVolumeClaim", "claimName"))).OfType<string>().ToList() ?? [];

    private static string Phase(JsonObject claim) => JsonText.Str(JsonText.Get(claim, "status", "phase")) ?? "Pending";

    private static IReadOnlyList<string> Modes(JsonNode? list) =>
        (list as JsonArray)?.Select(JsonText.Str).OfType<string>().ToList() ?? [];

    private static decimal Storage(JsonNode? quantity) => JsonText.TryQuantity(quantity, out var value) ? value : 0;

    private static string Show(decimal bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes / (1L << 30)}Gi" : bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? $"{bytes / (1L << 20)}Mi" : $"{bytes}";

    private static string Name(JsonObject obj) => JsonText.Str(JsonText.Get(obj, "metadata", "name")) ?? "?";
}
