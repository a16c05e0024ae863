using System.Net;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests.Controllers;

/// <summary>Claims, volumes and classes over real HTTP: the default class, provisioning, binding, refusals and reclaim.</summary>
public sealed class StorageTests
{
    private const string Claims = "/api/v1/namespaces/default/persistentvolumeclaims";

    private static string Claim(string name, string extra = "", string modes = "\"ReadWriteOnce\"") =>
        "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{" + extra + "\"accessModes\":[" + modes + "],\"resources\":{\"requests\":{\"storage\":\"2Gi\"}}}}";

    private static string? Phase(JsonObject o) => o["status"]?["phase"]?.GetValue<string>();

    private static async Task<JsonObject> ImmediateClassAsync(SandboxHttp sandbox, string name, string reclaim) =>
        await sandbox.CreateAsync("/apis/storage.k8s.io/v1/storageclasses",
            "{\"metadata\":{\"name\":\"" + name + "\"},\"provisioner\":\"rancher.io/local-path\",\"reclaimPolicy\":\"" + reclaim + "\",\"volumeBindingMode\":\"Immediate\"}");

    [Fact]
    public async Task A_claim_without_a_class_gets_the_default_and_waits_for_its_first_consumer()
    {
        await using var sandbox = await SandboxHttp.StartAsync();

        var created = await sandbox.CreateAsync(Claims, Claim("data"));
        var claim = await sandbox.EventuallyAsync($"{Claims}/data", c => Phase(c) == "Pending", "Pending");
        await sandbox.EventuallyAsync("/api/v1/namespaces/default/events", e => e["items"]!.AsArray().Any(i => i!["reason"]!.GetValue<string>() == "WaitForFirstConsumer"), "the event");

        created["spec"]!["storageClassName"]!.GetValue<string>().Should().Be("standard");
        claim["spec"]!["volumeName"].Should().BeNull();
        var events = await sandbox.EventsAsync("default", "data");
        events.Should().Contain(e => e["message"]!.GetValue<string>() == "waiting for first consumer to be created before binding");
    }

    [Fact]
    public async Task An_immediate_class_provisions_a_bound_volume_with_the_claims_size_modes_and_the_class_policy()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await ImmediateClassAsync(sandbox, "fast", "Retain");

        await sandbox.CreateAsync(Claims, Claim("data", "\"storageClassName\":\"fast\","));
        var claim = await sandbox.EventuallyAsync($"{Claims}/data", c => Phase(c) == "Bound", "Bound");

        var volumeName = claim["spec"]!["volumeName"]!.GetValue<string>();
        var volume = (await sandbox.GetAsync($"/api/v1/persistentvolumes/{volumeName}"))!;
        Phase(volume).Should().Be("Bound");
        volume["spec"]!["capacity"]!["storage"]!.GetValue<string>().Should().Be("2Gi");
        volume["spec"]!["accessModes"]![0]!.GetValue<string>().Should().Be("ReadWriteOnce");
        volume["spec"]!["persistentVolumeReclaimPolicy"]!.GetValue<string>().Should().Be("Retain");
        volume["spec"]!["claimRef"]!["uid"]!.GetValue<string>().Should().Be(claim["metadata"]!["uid"]!.GetValue<string>());
        claim["status"]!["capacity"]!["storage"]!.GetValue<string>().Should().Be("2Gi");
        (await sandbox.EventsAsync("default", "data")).Should().Contain(e => e["reason"]!.GetValue<string>() == "ProvisioningSucceeded"
            && e["message"]!.GetValue<string>() == $"Successfully provisioned volume {volumeName}");
    }

    [Fact]
    public async Task An_unknown_class_or_an_access_mode_the_provisioner_cannot_give_stays_pending_with_a_warning()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await ImmediateClassAsync(sandbox, "fast", "Delete");
        await sandbox.CreateAsync(Claims, Claim("typo", "\"storageClassName\":\"fsat\","));
        await sandbox.CreateAsync(Claims, Claim("shared", "\"storageClassName\":\"fast\",", "\"ReadWriteMany\""));

        var typo = await WarningAsync(sandbox, "typo");
        var shared = await WarningAsync(sandbox, "shared");

        typo.Should().Be("storageclass.storage.k8s.io \"fsat\" not found");
        shared.Should().Be("failed to provision volume with StorageClass \"fast\": Only support ReadWriteOnce access mode");
        Phase((await sandbox.GetAsync($"{Claims}/typo"))!).Should().Be("Pending");
        Phase((await sandbox.GetAsync($"{Claims}/shared"))!).Should().Be("Pending");
        ((await sandbox.GetAsync("/api/v1/persistentvolumes"))!["items"] as JsonArray).Should().BeEmpty();
    }

    private static async Task<string> WarningAsync(SandboxHttp sandbox, string claim)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var warning = (await sandbox.EventsAsync("default", claim)).FirstOrDefault(e => e["reason"]!.GetValue<string>() == "ProvisioningFailed");
            if (warning is not null) return warning["message"]!.GetValue<string>();
            await Task.Delay(50);
        }

        throw new TimeoutException($"no ProvisioningFailed event for {claim}");
    }

    [Fact]
    public async Task A_claim_that_asks_for_no_class_binds_to_a_fitting_static_volume_only()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Claims, Claim("manual", "\"storageClassName\":\"\","));
        await sandbox.EventuallyAsync($"{Claims}/manual", c => Phase(c) == "Pending", "Pending");
        (await sandbox.EventsAsync("default", "manual")).Should().Contain(e => e["reason"]!.GetValue<string>() == "FailedBinding"
            && e["message"]!.GetValue<string>() == "no persistent volumes available for this claim and no storage class is set");

        await sandbox.CreateAsync("/api/v1/persistentvolumes",
            """{"metadata":{"name":"small"},"spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"hostPath":{"path":"/tmp/small"}}}""");
        await sandbox.CreateAsync("/api/v1/persistentvolumes",
            """{"metadata":{"name":"roomy"},"spec":{"capacity":{"storage":"5Gi"},"accessModes":["ReadWriteOnce","ReadOnlyMany"],"hostPath":{"path":"/tmp/roomy"}}}""");

        var claim = await sandbox.EventuallyAsync($"{Claims}/manual", c => Phase(c) == "Bound", "Bound");
        claim["spec"]!["volumeName"]!.GetValue<string>().Should().Be("roomy", "the 1Gi volume is too small for 2Gi");
        Phase((await sandbox.GetAsync("/api/v1/persistentvolumes/small"))!).Should().Be("Available");
    }

    [Fact]
    public async Task Deleting_a_claim_deletes_a_delete_policy_volume_and_releases_a_retained_one()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await ImmediateClassAsync(sandbox, "scratch", "Delete");
        await ImmediateClassAsync(sandbox, "keep", "Retain");
        await sandbox.CreateAsync(Claims, Claim("gone", "\"storageClassName\":\"scratch\","));
        await sandbox.CreateAsync(Claims, Claim("kept", "\"storageClassName\":\"keep\","));
        var gone = (await sandbox.EventuallyAsync($"{Claims}/gone", c => Phase(c) == "Bound", "gone Bound"))["spec"]!["volumeName"]!.GetValue<string>();
        var kept = (await sandbox.EventuallyAsync($"{Claims}/kept", c => Phase(c) == "Bound", "kept Bound"))["spec"]!["volumeName"]!.GetValue<string>();

        (await sandbox.SendAsync(HttpMethod.Delete, $"{Claims}/gone")).Code.Should().Be(HttpStatusCode.OK);
        (await sandbox.SendAsync(HttpMethod.Delete, $"{Claims}/kept")).Code.Should().Be(HttpStatusCode.OK);

        await sandbox.EventuallyAsync("/api/v1/persistentvolumes", l => l["items"]!.AsArray().All(v => v!["metadata"]!["name"]!.GetValue<string>() != gone), "the Delete volume removed");
        var retained = await sandbox.EventuallyAsync($"/api/v1/persistentvolumes/{kept}", v => Phase(v) == "Released", "the Retain volume Released");
        retained["spec"]!["claimRef"]!["name"]!.GetValue<string>().Should().Be("kept");
    }

    [Fact]
    public async Task A_pod_on_an_unbound_immediate_claim_is_not_scheduled()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Claims, Claim("typo", "\"storageClassName\":\"fsat\","));
        await sandbox.CreateAsync("/api/v1/namespaces/default/pods", """
            {"metadata":{"name":"db"},"spec":{"containers":[{"name":"c","image":"nginx"}],"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"typo"}}]}}
            """);

        var pod = await sandbox.EventuallyAsync("/api/v1/namespaces/default/pods/db", p => p["status"]?["conditions"]?[0]?["reason"] is not null, "refused");

        pod["status"]!["conditions"]![0]!["message"]!.GetValue<string>().Should().StartWith("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.");
        pod["spec"]!["nodeName"].Should().BeNull();
    }

    [Fact]
    public async Task Pods_sharing_a_local_volume_follow_it_to_its_node()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        const string pods = "/api/v1/namespaces/default/pods";
        const string user = """{"metadata":{"name":"NAME"},"spec":{SELECTOR"containers":[{"name":"c","image":"nginx"}],"volumes":[{"name":"d","persistentVolumeClaim":{"claimName":"data"}}]}}""";
        await sandbox.CreateAsync(Claims, Claim("data"));
        await sandbox.CreateAsync(pods, user.Replace("NAME", "first").Replace("SELECTOR", ""));
        var first = await sandbox.EventuallyAsync($"{pods}/first", p => p["spec"]?["nodeName"] is not null, "first bound");
        var node = first["spec"]!["nodeName"]!.GetValue<string>();
        var other = node == "sandbox-worker" ? "sandbox-worker2" : "sandbox-worker";

        await sandbox.CreateAsync(pods, user.Replace("NAME", "second").Replace("SELECTOR", ""));
        await sandbox.CreateAsync(pods, user.Replace("NAME", "elsewhere").Replace("SELECTOR", "\"nodeSelector\":{\"kubernetes.io/hostname\":\"" + other + "\"},"));

        (await sandbox.EventuallyAsync($"{pods}/second", p => p["spec"]?["nodeName"] is not null, "second bound"))["spec"]!["nodeName"]!.GetValue<string>().Should().Be(node);
        var elsewhere = await sandbox.EventuallyAsync($"{pods}/elsewhere", p => p["status"]?["conditions"]?[0]?["message"] is not null, "elsewhere refused");
        elsewhere["status"]!["conditions"]![0]!["message"]!.GetValue<string>().Should().StartWith(
            "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict.");
    }
}
