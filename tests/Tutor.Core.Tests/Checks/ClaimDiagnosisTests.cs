using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using static Tutor.Core.Tests.Checks.Fixtures;

namespace Tutor.Core.Tests.Checks;

/// <summary>Why a claim is not Bound, and why a Pod that mounts one stays Pending, as an instructor would say it.</summary>
public class ClaimDiagnosisTests
{
    private static JsonObject Class(string name, string provisioner = "rancher.io/local-path", string binding = "WaitForFirstConsumer", bool isDefault = false) => Obj($$"""
        { "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
          "metadata": { "name": "{{name}}", "annotations": { "storageclass.kubernetes.io/is-default-class": "{{(isDefault ? "true" : "false")}}" } },
          "provisioner": "{{provisioner}}", "volumeBindingMode": "{{binding}}" }
        """);

    private static JsonObject Claim(string name, string? className, string modes = "[\"ReadWriteOnce\"]", string size = "1Gi",
        string phase = "Pending", string annotations = "{}")
    {
        var claim = Obj($$"""
            { "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": { "name": "{{name}}", "annotations": {{annotations}} },
              "spec": { "accessModes": {{modes}}, "resources": { "requests": { "storage": "{{size}}" } } },
              "status": { "phase": "{{phase}}" } }
            """);
        if (className is not null) claim["spec"]!["storageClassName"] = className;
        return claim;
    }

    private static JsonObject Volume(string name, string size, string className = "", string modes = "[\"ReadWriteOnce\"]") => Obj($$"""
        { "apiVersion": "v1", "kind": "PersistentVolume", "metadata": { "name": "{{name}}" },
          "spec": { "capacity": { "storage": "{{size}}" }, "accessModes": {{modes}}, "storageClassName": "{{className}}" },
          "status": { "phase": "Available" } }
        """);

    private static JsonObject PendingPod(string name, string claim) => Obj($$"""
        { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "{{name}}", "labels": { "app": "db" } },
          "spec": { "containers": [ { "name": "postgres", "image": "postgres:16" } ],
                    "volumes": [ { "name": "data", "persistentVolumeClaim": { "claimName": "{{claim}}" } } ] },
          "status": { "phase": "Pending" } }
        """);

    private static JsonObject ClaimEvent(string claim, string reason, string message) => Obj($$"""
        { "apiVersion": "v1", "kind": "Event", "metadata": { "name": "{{claim}}.1" }, "reason": "{{reason}}", "message": "{{message}}",
          "involvedObject": { "kind": "PersistentVolumeClaim", "name": "{{claim}}" } }
        """);

    private static string? Explain(JsonObject claim, JsonObject[] classes, JsonObject[]? volumes = null, JsonObject[]? pods = null, JsonObject[]? events = null) =>
        ClaimDiagnosis.Explain(claim, new StorageFacts([claim], classes, volumes ?? []), pods ?? [], events ?? []);

    [Fact]
    public void A_bound_claim_needs_no_explanation() =>
        Explain(Claim("data", "standard", phase: "Bound"), [Class("standard")]).Should().BeNull();

    [Fact]
    public void A_class_that_does_not_exist_is_named_with_the_ones_that_do_and_the_default() =>
        Explain(Claim("data", "fast"), [Class("standard", isDefault: true), Class("slow")]).Should().Be(
            "claim data asks for StorageClass \"fast\", which does not exist; classes that exist: standard (default), slow — " +
            "a claim's class cannot be changed: delete the claim and create it with one of these");

    [Fact]
    public void No_class_and_no_default_says_only_a_premade_volume_could_serve_it() =>
        Explain(Claim("data", null), [Class("slow")]).Should().Be(
            "claim data names no storageClassName and the cluster has no default StorageClass, so only a pre-made PersistentVolume " +
            "without a class can serve it; there is no PersistentVolume at all — set spec.storageClassName; classes that exist: slow");

    [Fact]
    public void Waiting_for_the_first_consumer_says_whether_a_pod_mounts_it()
    {
        var claim = Claim("data-db-0", "standard");
        Explain(claim, [Class("standard")]).Should().Be(
            "claim data-db-0 waits for its first consumer: class standard binds WaitForFirstConsumer, so no volume is made until a Pod that mounts it is scheduled, and no Pod mounts it yet");
        Explain(claim, [Class("standard")], pods: [PendingPod("db-0", "data-db-0")]).Should().Be(
            "claim data-db-0 waits for its first consumer: class standard binds WaitForFirstConsumer, and pod db-0, which mounts it, is not scheduled yet");
    }

    [Fact]
    public void A_shared_mode_from_a_single_node_provisioner_says_what_to_ask_for_and_quotes_the_cluster()
    {
        var claim = Claim("data-db-0", "standard", modes: "[\"ReadWriteMany\"]", annotations: """{ "volume.kubernetes.io/selected-node": "node-1" }""");
        Explain(claim, [Class("standard")], events: [ClaimEvent("data-db-0", "ProvisioningFailed", "Only support ReadWriteOnce access mode")]).Should().Be(
            "claim data-db-0 asks for ReadWriteMany, but class standard (rancher.io/local-path) gives only ReadWriteOnce volumes, mounted by one node at a time " +
            "(the cluster says: Only support ReadWriteOnce access mode) — ask for ReadWriteOnce (one database Pod needs no more), or use a class for shared file systems");
    }

    [Fact]
    public void A_claim_larger_than_any_static_volume_names_the_largest()
    {
        var claim = Claim("data", "manual", size: "5Gi");
        Explain(claim, [Class("manual", provisioner: "kubernetes.io/no-provisioner", binding: "Immediate")], [Volume("pv-small", "1Gi", "manual"), Volume("pv-big", "2Gi", "manual")])
            .Should().Be("class manual makes no volumes (kubernetes.io/no-provisioner), so claim data waits for an administrator's PersistentVolume; " +
                         "it asks for 5Gi, and the largest free volume, pv-big, offers 2Gi");
    }

    [Fact]
    public void A_static_volume_large_enough_but_with_the_wrong_mode_says_so() =>
        Explain(Claim("data", "", modes: "[\"ReadWriteMany\"]"), [], [Volume("pv-1", "10Gi")]).Should().Contain(
            "asks for no class (storageClassName: \"\"), so only a pre-made PersistentVolume without a class can serve it; pv-1 is large enough but offers ReadWriteOnce, not ReadWriteMany");

    [Fact]
    public void A_pod_pending_on_an_unbound_claim_names_the_claim_and_why()
    {
        var claim = Claim("data-db-0", "fast");
        var pod = PendingPod("db-0", "data-db-0");
        PodDiagnosis.ExplainPod(pod, [], new StorageFacts([claim], [Class("standard", isDefault: true)], [])).Should().StartWith(
            "pod db-0 is Pending: its claim data-db-0 is not bound — claim data-db-0 asks for StorageClass \"fast\", which does not exist; classes that exist: standard (default)");
    }

    [Fact]
    public void A_pod_whose_claim_is_missing_says_so() =>
        PodDiagnosis.ExplainPod(PendingPod("db-0", "data-db-0"), [], new StorageFacts([], [Class("standard")], [])).Should().Be(
            "pod db-0 is Pending: the PersistentVolumeClaim data-db-0 it mounts does not exist — create it, or fix spec.volumes[].persistentVolumeClaim.claimName");

    [Fact]
    public void A_claim_waiting_for_this_pod_leaves_the_pods_own_scheduling_problem_to_speak()
    {
        var pod = PendingPod("db-0", "data-db-0");
        pod["status"]!["conditions"] = new JsonArray(Obj("""{ "type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": "0/1 nodes are available: 1 Insufficient cpu." }"""));
        PodDiagnosis.ExplainPod(pod, [], new StorageFacts([Claim("data-db-0", "standard")], [Class("standard")], []))
            .Should().StartWith("pod db-0 is Pending: unschedulable (0/1 nodes are available: 1 Insufficient cpu.)");
    }

    [Fact]
    public void A_failing_check_on_a_statefulset_explains_through_its_pod_and_claim()
    {
        var set = Obj("""
            { "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": { "name": "db" },
              "spec": { "replicas": 1, "selector": { "matchLabels": { "app": "db" } } }, "status": { "readyReplicas": 0 } }
            """);
        var claim = Claim("data-db-0", "standard", modes: "[\"ReadWriteMany\"]", annotations: """{ "volume.kubernetes.io/selected-node": "node-1" }""");
        var snapshot = Snapshot(set, PendingPod("db-0", "data-db-0"), claim, Class("standard", isDefault: true));
        var check = CheckParser.Parse("- title: db is ready\n  resource: apps/v1 StatefulSet db\n  match: { status: { readyReplicas: 1 } }\n", "f").Checks[0];
        CheckEvaluator.Evaluate(check, snapshot).Diagnosis.Should().StartWith(
            "pod db-0 is Pending: its claim data-db-0 is not bound — claim data-db-0 asks for ReadWriteMany, but class standard (rancher.io/local-path) gives only ReadWriteOnce");
    }

    [Fact]
    public void A_failing_check_on_a_claim_explains_the_claim()
    {
        var snapshot = Snapshot(Claim("backup", "standard"), Class("standard", isDefault: true));
        var check = CheckParser.Parse("- title: bound\n  resource: v1 PersistentVolumeClaim backup\n  match: { status: { phase: Bound } }\n", "f").Checks[0];
        CheckEvaluator.Evaluate(check, snapshot).Diagnosis.Should().StartWith("claim backup waits for its first consumer");
    }
}

/// <summary>A failed Job explains itself through the Pods it owns, naming the container that failed.</summary>
public class FailedJobDiagnosisTests
{
    [Fact]
    public void A_job_without_a_selector_is_explained_through_its_newest_attempt()
    {
        var job = Obj("""{ "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "backup", "uid": "j-1" }, "spec": {} }""");
        var pod = Obj("""
            { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "backup-x2k", "ownerReferences": [ { "kind": "Job", "name": "backup", "uid": "j-1" } ] },
              "status": { "phase": "Failed", "containerStatuses": [ { "name": "backup", "state": { "terminated": { "exitCode": 1,
                "message": "pg_dump: error: could not open output file \"/backup/votes.sql\": No such file or directory" } } } ] } }
            """);
        pod["metadata"]!["creationTimestamp"] = "2026-01-01T10:00:05Z";
        var older = Obj("""
            { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "backup-a1b", "creationTimestamp": "2026-01-01T10:00:01Z",
                "ownerReferences": [ { "kind": "Job", "name": "backup", "uid": "j-1" } ] }, "status": { "phase": "Failed", "reason": "Older" } }
            """);
        var stranger = Obj("""{ "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "other" }, "status": { "phase": "Failed" } }""");
        PodDiagnosis.ForObject(job, [older, pod, stranger]).Should().Be(
            "pod backup-x2k has failed: container backup exited with code 1 (pg_dump: error: could not open output file \"/backup/votes.sql\": No such file or directory) — read `kubectl logs backup-x2k -c backup`");
    }
}
