using System.Text.Json.Nodes;
using Tutor.Sandbox.Auth;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// What a new cluster holds before anyone writes: system namespaces, three nodes (a control plane tainted
/// NoSchedule and two workers), the kubernetes Service, the default StorageClass <c>standard</c> and the default RBAC roles. Like a kind
/// cluster's, the class uses the local-path provisioner and WaitForFirstConsumer, so a claim stays Pending until a
/// Pod uses it and its volume is then made on that Pod's node.
/// </summary>
public static class ClusterSeed
{
    public static readonly string[] NodeNames = ["sandbox-control-plane", "sandbox-worker", "sandbox-worker2"];

    public static void Apply(ObjectStore store)
    {
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            store.Create(ResourceTypes.Namespace, new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = ns, ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns } },
                ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            });
        }

        var booted = store.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        for (var i = 0; i < NodeNames.Length; i++) store.Create(ResourceTypes.Lease, Lease(store.Create(ResourceTypes.Node, Node(NodeNames[i], i, booted)), store.Clock.GetUtcNow()));

        store.Create(ResourceTypes.Service, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = "kubernetes",
                ["namespace"] = "default",
                ["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" },
            },
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["clusterIP"] = "10.96.0.1",
                ["clusterIPs"] = new JsonArray("10.96.0.1"),
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = 6443 }),
                ["sessionAffinity"] = "None",
            },
        });

        store.Create(ResourceTypes.StorageClass, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = "standard",
                ["annotations"] = new JsonObject { ["storageclass.kubernetes.io/is-default-class"] = "true" },
            },
            ["provisioner"] = "rancher.io/local-path",
            ["reclaimPolicy"] = "Delete",
            ["volumeBindingMode"] = "WaitForFirstConsumer",
        });

        DefaultRoles.Seed(store);
    }

    /// <summary>The heartbeat Lease a kubelet keeps for its node in kube-node-lease; <c>kubectl describe node</c> shows it.</summary>
    private static JsonObject Lease(JsonObject node, DateTimeOffset booted)
    {
        var name = node["metadata"]!["name"]!.GetValue<string>();
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = "kube-node-lease",
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "Node", ["name"] = name, ["uid"] = node["metadata"]!["uid"]!.DeepClone(),
                }),
            },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = name,
                ["leaseDurationSeconds"] = 40,
                ["renewTime"] = booted.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
            },
        };
    }

    private static JsonObject Node(string name, int index, string booted)
    {
        var controlPlane = index == 0;
        var labels = new JsonObject
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["beta.kubernetes.io/arch"] = "amd64",
        };
        if (controlPlane) labels["node-role.kubernetes.io/control-plane"] = "";
        var capacity = new JsonObject { ["cpu"] = "4", ["memory"] = "8Gi", ["pods"] = "110", ["ephemeral-storage"] = "100Gi" };
        var node = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels },
            ["spec"] = new JsonObject
            {
                ["podCIDR"] = $"10.244.{index}.0/24",
                ["podCIDRs"] = new JsonArray($"10.244.{index}.0/24"),
            },
            ["status"] = new JsonObject
            {
                ["capacity"] = capacity,
                ["allocatable"] = capacity.DeepClone(),
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = $"172.18.0.{index + 2}" },
                    new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["conditions"] = new JsonArray(
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", booted),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", booted),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", booted),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status (simulated)", booted)),
                ["nodeInfo"] = new JsonObject
                {
                    ["machineID"] = Id(name, "machine"),
                    ["systemUUID"] = Id(name, "system"),
                    ["bootID"] = Id(name, "boot"),
                    ["kubeletVersion"] = "v1.32.0",
                    ["kubeProxyVersion"] = "v1.32.0",
                    ["containerRuntimeVersion"] = "containerd://1.7.0 (simulated)",
                    ["osImage"] = "Tutor sandbox (simulated)",
                    ["kernelVersion"] = "6.1.0",
                    ["operatingSystem"] = "linux",
                    ["architecture"] = "amd64",
                },
            },
        };
        if (controlPlane)
            node["spec"]!["taints"] = new JsonArray(new JsonObject { ["key"] = "node-role.kubernetes.io/control-plane", ["effect"] = "NoSchedule" });
        return node;
    }

    private static JsonObject Condition(string type, string status, string reason, string message, string at) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastHeartbeatTime"] = at,
        ["lastTransitionTime"] = at,
        ["reason"] = reason,
        ["message"] = message,
    };

    /// <summary>A stable identifier per node, so describe shows the same machine every run.</summary>
    private static string Id(string node, string what) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{node}/{what}"))[..16]).ToString();
}
