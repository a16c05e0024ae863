using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using static Tutor.Core.Tests.Checks.Fixtures;

namespace Tutor.Core.Tests.Checks;

/// <summary>Diagnoses that read the Events about a Pod as well as its status.</summary>
public class PodEventsTests
{
    private static JsonObject Event(string pod, string reason, string message, string time = "2026-01-01T10:00:00Z") => Obj($$"""
        { "apiVersion": "v1", "kind": "Event", "metadata": { "name": "{{pod}}.{{time}}" },
          "involvedObject": { "kind": "Pod", "name": "{{pod}}" }, "reason": "{{reason}}", "message": "{{message}}", "lastTimestamp": "{{time}}" }
        """);

    private static JsonObject PendingPod(string name, bool withCondition)
    {
        var pod = WaitingPod(name, "ContainerCreating");
        pod["status"] = withCondition
            ? Obj("""{ "phase": "Pending", "conditions": [ { "type": "PodScheduled", "status": "False", "reason": "Unschedulable" } ] }""")
            : Obj("""{ "phase": "Pending" }""");
        return pod;
    }

    [Fact]
    public void Insufficient_resources_come_from_the_failed_scheduling_event_with_what_to_change() =>
        PodDiagnosis.ExplainPod(PendingPod("db-0", withCondition: true), [Event("db-0", "FailedScheduling", "0/1 nodes are available: 1 Insufficient memory.")])
            .Should().Be("pod db-0 is Pending: unschedulable (0/1 nodes are available: 1 Insufficient memory.) — no node has room for its requests: "
                + "lower spec.containers[].resources.requests or free some room");

    [Fact]
    public void A_node_selector_no_node_matches_is_named() =>
        PodDiagnosis.ExplainPod(PendingPod("db-0", withCondition: false),
                [Event("db-0", "FailedScheduling", "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.")])
            .Should().Contain("unschedulable").And.Contain("nodeSelector").And.Contain("kubectl get nodes --show-labels");

    [Fact]
    public void Untolerated_taints_suggest_a_toleration() =>
        PodDiagnosis.ExplainPod(PendingPod("db-0", withCondition: true),
                [Event("db-0", "FailedScheduling", "0/1 nodes are available: 1 node(s) had untolerated taint {gpu: true}.")])
            .Should().EndWith("the nodes carry taints it does not tolerate: add a toleration or use another node");

    [Fact]
    public void The_newest_event_wins_and_events_of_other_pods_are_ignored() =>
        PodEvents.LatestMessage(
            [Event("db-0", "FailedScheduling", "new", "2026-01-01T10:05:00Z"), Event("db-0", "FailedScheduling", "old", "2026-01-01T10:00:00Z"),
             Event("db-1", "FailedScheduling", "other pod", "2026-01-01T11:00:00Z"), Event("db-0", "Scheduled", "not this reason", "2026-01-01T12:00:00Z")],
            "db-0", "FailedScheduling").Should().Be("new");

    [Fact]
    public void A_pending_pod_without_events_stays_a_plain_pending() =>
        PodDiagnosis.ExplainPod(PendingPod("db-0", withCondition: false), []).Should().Be("pod db-0 is Pending");

    [Fact]
    public void A_registry_refusal_without_pull_secrets_says_to_add_one() =>
        PodDiagnosis.ExplainPod(WaitingPod("vote-1", "ErrImagePull", image: "private/vote:v1"),
                [Event("vote-1", "Failed", "Failed to pull image: unauthorized: authentication required")])
            .Should().Be("pod vote-1 is waiting: ErrImagePull (the registry refused to give image private/vote:v1: the Pod names no imagePullSecrets: "
                + "create a docker-registry Secret and list it under spec.imagePullSecrets)");

    [Fact]
    public void A_registry_refusal_with_a_pull_secret_names_the_secret()
    {
        var pod = WaitingPod("vote-1", "ImagePullBackOff", image: "private/vote:v1");
        pod["spec"]!["imagePullSecrets"] = new JsonArray(Obj("""{ "name": "regcred" }"""));
        PodDiagnosis.ExplainPod(pod, [Event("vote-1", "Failed", "pull access denied for private/vote")])
            .Should().Contain("check that the Secret regcred exists in the namespace");
    }

    [Fact]
    public void A_missing_tag_quotes_the_kubelet() =>
        PodDiagnosis.ExplainPod(WaitingPod("vote-1", "ErrImagePull", image: "vote:v9"), [Event("vote-1", "Failed", "manifest for vote:v9 not found")])
            .Should().Be("pod vote-1 is waiting: ErrImagePull (image vote:v9 could not be pulled — check the image name and tag; the kubelet says: manifest for vote:v9 not found)");

    [Fact]
    public void A_failing_readiness_probe_quotes_the_unhealthy_event()
    {
        var pod = ReadyPod("vote-1");
        pod["spec"]!["containers"]![0]!["readinessProbe"] = Obj("""{ "httpGet": { "path": "/healthz", "port": 80 } }""");
        pod["status"]!["containerStatuses"]![0]!["ready"] = false;
        PodDiagnosis.ExplainPod(pod, [Event("vote-1", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 500")])
            .Should().Be("pod vote-1 is running but not ready: the readiness probe of vote is failing (Readiness probe failed: HTTP probe failed with statuscode: 500)");
    }

    [Fact]
    public void A_selector_near_miss_names_the_shared_labels_and_what_differs() =>
        PodDiagnosis.ForSelector(LabelSelector.Parse("app=vote,tier=web"),
                [ReadyPod("vote-1", """{ "app": "vote", "tier": "frontend" }"""), ReadyPod("redis-1", """{ "app": "redis" }""")])
            .Should().Be("selector app=vote,tier=web matches no pods; pods with app=vote have tier=frontend");

    [Fact]
    public void The_evaluator_passes_events_to_the_diagnosis()
    {
        var check = new RolledOutCheck("r", null, 1, new ResourceRef(Deployments, "db"));
        var pod = PendingPod("db-1", withCondition: true);
        pod["metadata"]!["labels"] = Obj("""{ "app": "db" }""");
        var deployment = Deployment("db", 1, 0);
        deployment["spec"]!["selector"] = Obj("""{ "matchLabels": { "app": "db" } }""");
        var verdict = CheckEvaluator.Evaluate(check, Snapshot(deployment, pod, Event("db-1", "FailedScheduling", "0/1 nodes are available: 1 Insufficient cpu.")));
        verdict.Passed.Should().BeFalse();
        verdict.Diagnosis.Should().Contain("Insufficient cpu").And.Contain("lower spec.containers[].resources.requests");
    }
}
