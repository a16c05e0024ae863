using System.Text.Json.Nodes;
using Tutor.Sandbox.Controllers.Scheduling;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers.Storage;

/// <summary>
/// The persistent-volume binder and the class's provisioner in one: a claim binds to a fitting Available
/// volume, or gets one provisioned from its StorageClass (once a Pod's node is picked when the class waits for
/// its first consumer); a claim that cannot be served stays Pending with the event a real cluster gives. When a
/// claim goes, its volume is deleted or kept Released as its reclaim policy says.
/// </summary>
public sealed class PersistentVolumeController : IReconciler
{
    private const string Binder = "persistentvolume-controller";
    private readonly Dictionary<string, string> _told = new();

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.PersistentVolumeClaim)
        {
            if (change.Type == "DELETED") lock (_told) _told.Remove(Meta.Uid(change.Object));
            loop.Enqueue(this, Meta.Key(ResourceTypes.PersistentVolumeClaim, change.Object));
        }
        else if (change.Resource == ResourceTypes.PersistentVolume)
        {
            loop.Enqueue(this, Meta.Key(ResourceTypes.PersistentVolume, change.Object));
            if (change.Object["spec"]?["claimRef"] is JsonObject claimRef)
                loop.Enqueue(this, new ObjectKey(ResourceTypes.PersistentVolumeClaim, Text(claimRef["namespace"]) ?? "", Text(claimRef["name"]) ?? ""));
            else if (change.Type != "DELETED") PendingClaims(loop);
        }
        else if (change.Resource == ResourceTypes.StorageClass) PendingClaims(loop);
    }

    private void PendingClaims(ControllerLoop loop)
    {
        foreach (var claim in loop.Store.List(ResourceTypes.PersistentVolumeClaim).Items)
            if (Text(claim["status"]?["phase"]) != "Bound") loop.Enqueue(this, Meta.Key(ResourceTypes.PersistentVolumeClaim, claim));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        if (key.Type == ResourceTypes.PersistentVolume) ReconcileVolume(key, loop);
        else ReconcileClaim(key, loop);
    }

    private void ReconcileClaim(ObjectKey key, ControllerLoop loop)
    {
        var claim = loop.Store.Get(key);
        if (claim is null)
        {
            foreach (var pv in loop.Store.List(ResourceTypes.PersistentVolume).Items)
                if (Text(pv["spec"]?["claimRef"]?["namespace"]) == key.Namespace && Text(pv["spec"]?["claimRef"]?["name"]) == key.Name)
                    loop.Enqueue(this, Meta.Key(ResourceTypes.PersistentVolume, pv));
            return;
        }

        if (Meta.IsDeleting(claim)) return;
        var volumes = loop.Store.List(ResourceTypes.PersistentVolume).Items;
        var bound = volumes.FirstOrDefault(v => Text(v["spec"]?["claimRef"]?["uid"]) == Meta.Uid(claim));
        if (bound is not null)
        {
            Bind(claim, bound, loop);
            return;
        }

        var className = Text(claim["spec"]?["storageClassName"]) ?? "";
        var wanted = ResourceQuantity.Parse(Text(claim["spec"]?["resources"]?["requests"]?["storage"]));
        var modes = Modes(claim["spec"]?["accessModes"]);
        var named = Text(claim["spec"]?["volumeName"]);
        var match = volumes
            .Where(v => Text(v["status"]?["phase"]) is null or "Available" && Fits(v, claim, className, wanted, modes, named))
            .OrderBy(v => ResourceQuantity.Parse(Text(v["spec"]?["capacity"]?["storage"])))
            .ThenBy(Meta.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (match is not null)
        {
            var claimed = loop.Store.Mutate(Meta.Key(ResourceTypes.PersistentVolume, match), v =>
            {
                v["spec"]!["claimRef"] = ClaimRef(claim);
                v["status"] = new JsonObject { ["phase"] = "Bound" };
                return true;
            });
            if (claimed is not null) Bind(claim, claimed, loop);
            return;
        }

        Pending(claim, key, loop);
        if (named is not null) return;
        if (className.Length == 0)
        {
            Tell(claim, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set", loop);
            return;
        }

        var storageClass = loop.Store.Get(new ObjectKey(ResourceTypes.StorageClass, "", className));
        if (storageClass is null)
        {
            Tell(claim, "Warning", "ProvisioningFailed", $"storageclass.storage.k8s.io \"{className}\" not found", loop);
            return;
        }

        var selectedNode = Text(claim["metadata"]?["annotations"]?[Scheduler.SelectedNodeAnnotation]);
        if (Text(storageClass["volumeBindingMode"]) == "WaitForFirstConsumer" && selectedNode is null)
        {
            Tell(claim, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding", loop);
            return;
        }

        var provisionerName = Text(storageClass["provisioner"]) ?? "";
        if (Provisioner.Find(provisionerName) is not { } provisioner)
        {
            Tell(claim, "Normal", "ExternalProvisioning",
                $"Waiting for a volume to be created either by the external provisioner '{provisionerName}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", loop);
            return;
        }

        if (modes.Count == 0 || modes.Any(m => !provisioner.AccessModes.Contains(m)))
        {
            Tell(claim, "Warning", "ProvisioningFailed", $"failed to provision volume with StorageClass \"{className}\": {provisioner.Refusal}", loop);
            return;
        }

        var ns = Meta.Namespace(claim);
        loop.Events.Normal(claim, "Provisioning", $"External provisioner is provisioning volume for claim \"{ns}/{Meta.Name(claim)}\"", provisionerName);
        var volume = loop.Store.Create(ResourceTypes.PersistentVolume, NewVolume(claim, storageClass, provisionerName, selectedNode));
        loop.Events.Normal(claim, "ProvisioningSucceeded", $"Successfully provisioned volume {Meta.Name(volume)}", provisionerName);
        Bind(claim, volume, loop);
    }

    private static bool Fits(JsonObject volume, JsonObject claim, string className, decimal wanted, IReadOnlyList<string> modes, string? named)
    {
        if (named is not null) return Meta.Name(volume) == named;
        var claimRef = volume["spec"]?["claimRef"];
        if (claimRef is not null && (Text(claimRef["name"]) != Meta.Name(claim) || Text(claimRef["namespace"]) != Meta.Namespace(claim))) return false;
        if ((Text(volume["spec"]?["storageClassName"]) ?? "") != className) return false;
        if (ResourceQuantity.Parse(Text(volume["spec"]?["capacity"]?["storage"])) < wanted) return false;
        var offered = Modes(volume["spec"]?["accessModes"]);
        return modes.All(offered.Contains);
    }

    private static JsonObject NewVolume(JsonObject claim, JsonObject storageClass, string provisioner, string? node)
    {
        var name = "pvc-" + Meta.Uid(claim);
        var spec = new JsonObject
        {
            ["capacity"] = new JsonObject { ["storage"] = claim["spec"]?["resources"]?["requests"]?["storage"]?.DeepClone() },
            ["accessModes"] = claim["spec"]?["accessModes"]?.DeepClone(),
            ["persistentVolumeReclaimPolicy"] = Text(storageClass["reclaimPolicy"]) ?? "Delete",
            ["storageClassName"] = Meta.Name(storageClass),
            ["volumeMode"] = claim["spec"]?["volumeMode"]?.DeepClone() ?? "Filesystem",
            ["claimRef"] = ClaimRef(claim),
            ["hostPath"] = new JsonObject
            {
                ["path"] = $"/var/local-path-provisioner/{name}_{Meta.Namespace(claim)}_{Meta.Name(claim)}",
                ["type"] = "DirectoryOrCreate",
            },
        };
        if (node is not null)
            spec["nodeAffinity"] = new JsonObject
            {
                ["required"] = new JsonObject
                {
                    ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                    {
                        ["matchExpressions"] = new JsonArray(new JsonObject
                        {
                            ["key"] = "kubernetes.io/hostname", ["operator"] = "In", ["values"] = new JsonArray(node),
                        }),
                    }),
                },
            };
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["annotations"] = new JsonObject { ["pv.kubernetes.io/provisioned-by"] = provisioner },
            },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = "Bound" },
        };
    }

    private static JsonObject ClaimRef(JsonObject claim) => new()
    {
        ["kind"] = "PersistentVolumeClaim",
        ["namespace"] = Meta.Namespace(claim),
        ["name"] = Meta.Name(claim),
        ["uid"] = Meta.Uid(claim),
        ["apiVersion"] = "v1",
        ["resourceVersion"] = claim["metadata"]?["resourceVersion"]?.DeepClone(),
    };

    private static void Bind(JsonObject claim, JsonObject volume, ControllerLoop loop)
    {
        var provisioner = Text(volume["metadata"]?["annotations"]?["pv.kubernetes.io/provisioned-by"]);
        loop.Store.Mutate(Meta.Key(ResourceTypes.PersistentVolumeClaim, claim), c =>
        {
            var changed = false;
            var annotations = c["metadata"]!["annotations"] as JsonObject ?? new JsonObject();
            foreach (var (k, v) in new[] { ("pv.kubernetes.io/bind-completed", "yes"), ("pv.kubernetes.io/bound-by-controller", "yes") }
                         .Concat(provisioner is null ? [] : new[] { ("volume.beta.kubernetes.io/storage-provisioner", provisioner), ("volume.kubernetes.io/storage-provisioner", provisioner) }))
                if (Text(annotations[k]) != v)
                {
                    annotations[k] = v;
                    changed = true;
                }

            c["metadata"]!["annotations"] = annotations;
            if (Text(c["spec"]?["volumeName"]) != Meta.Name(volume))
            {
                c["spec"]!["volumeName"] = Meta.Name(volume);
                changed = true;
            }

            var status = new JsonObject
            {
                ["phase"] = "Bound",
                ["accessModes"] = volume["spec"]?["accessModes"]?.DeepClone(),
                ["capacity"] = volume["spec"]?["capacity"]?.DeepClone(),
            };
            return Meta.Set(c, "status", status) | changed;
        });
    }

    private static void Pending(JsonObject claim, ObjectKey key, ControllerLoop loop) =>
        loop.Store.Mutate(key, c => Meta.Set(c, "status", new JsonObject { ["phase"] = "Pending" }));

    /// <summary>Records an event about the claim once per verdict, so a claim that stays Pending stays quiet.</summary>
    private void Tell(JsonObject claim, string type, string reason, string message, ControllerLoop loop)
    {
        lock (_told)
        {
            if (_told.TryGetValue(Meta.Uid(claim), out var last) && last == reason + message) return;
            _told[Meta.Uid(claim)] = reason + message;
        }

        if (type == "Warning") loop.Events.Warning(claim, reason, message, Binder);
        else loop.Events.Normal(claim, reason, message, Binder);
    }

    private static void ReconcileVolume(ObjectKey key, ControllerLoop loop)
    {
        var volume = loop.Store.Get(key);
        if (volume is null) return;
        var claimRef = volume["spec"]?["claimRef"] as JsonObject;
        var phase = Text(volume["status"]?["phase"]);
        if (claimRef is null)
        {
            if (phase is null or "Bound") loop.Store.Mutate(key, v => Meta.Set(v, "status", new JsonObject { ["phase"] = "Available" }));
            return;
        }

        var uid = Text(claimRef["uid"]);
        // A volume reserved for a claim by name alone waits for that claim to appear.
        if (string.IsNullOrEmpty(uid))
        {
            if (phase is null) loop.Store.Mutate(key, v => Meta.Set(v, "status", new JsonObject { ["phase"] = "Available" }));
            return;
        }

        var claim = loop.Store.Get(new ObjectKey(ResourceTypes.PersistentVolumeClaim, Text(claimRef["namespace"]) ?? "", Text(claimRef["name"]) ?? ""));
        if (claim is not null && Meta.Uid(claim) == uid) return;
        if (phase is "Released" or "Failed") return;
        if ((Text(volume["spec"]?["persistentVolumeReclaimPolicy"]) ?? "Retain") == "Delete")
        {
            loop.Store.Delete(key);
            return;
        }

        loop.Store.Mutate(key, v => Meta.Set(v, "status", new JsonObject { ["phase"] = "Released" }));
    }

    private static IReadOnlyList<string> Modes(JsonNode? list) => (list as JsonArray)?.Select(m => Text(m) ?? "").ToList() ?? [];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
