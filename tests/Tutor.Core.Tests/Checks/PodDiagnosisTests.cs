using Tutor.Core.Checks;
using static Tutor.Core.Tests.Checks.Fixtures;

namespace Tutor.Core.Tests.Checks;

public class PodDiagnosisTests
{
    [Fact]
    public void A_ready_pod_needs_no_explanation() =>
        PodDiagnosis.ExplainPod(ReadyPod("vote-1")).Should().BeNull();

    [Fact]
    public void Container_creating() =>
        PodDiagnosis.ExplainPod(WaitingPod("vote-7d9f-x2k", "ContainerCreating")).Should().Be("pod vote-7d9f-x2k is ContainerCreating");

    [Theory]
    [InlineData("ImagePullBackOff")]
    [InlineData("ErrImagePull")]
    public void Image_pull_failures_name_the_image(string reason) =>
        PodDiagnosis.ExplainPod(WaitingPod("vote-1", reason, image: "nginx:1.99")).Should()
            .Be($"pod vote-1 is waiting: {reason} (image nginx:1.99 could not be pulled — check the image name and tag)");

    [Fact]
    public void Crash_loop_gives_the_exit_code_and_the_logs_command() =>
        PodDiagnosis.ExplainPod(WaitingPod("vote-1", "CrashLoopBackOff", lastState: """{ "terminated": { "exitCode": 1, "reason": "Error" } }"""))
            .Should().Be("pod vote-1 is waiting: CrashLoopBackOff: last exit code 1 — read `kubectl logs vote-1 --previous`");

    [Fact]
    public void Crash_loop_from_out_of_memory_says_so() =>
        PodDiagnosis.ExplainPod(WaitingPod("vote-1", "CrashLoopBackOff", lastState: """{ "terminated": { "exitCode": 137, "reason": "OOMKilled" } }"""))
            .Should().Contain("OOMKilled").And.Contain("memory limit");

    [Fact]
    public void Missing_configuration_points_at_config_maps_and_secrets()
    {
        var pod = WaitingPod("vote-1", "CreateContainerConfigError");
        pod["status"]!["containerStatuses"]![0]!["state"]!["waiting"]!["message"] = "configmap \"settings\" not found";
        PodDiagnosis.ExplainPod(pod).Should()
            .Be("pod vote-1 is waiting: CreateContainerConfigError (configmap \"settings\" not found) — check the ConfigMaps and Secrets it references");
    }

    [Fact]
    public void Unschedulable_quotes_the_scheduler() =>
        PodDiagnosis.ExplainPod(Obj("""
            { "metadata": { "name": "db-0" }, "status": { "phase": "Pending", "conditions": [
              { "type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": "0/1 nodes are available: 1 Insufficient memory." } ] } }
            """)).Should().Be("pod db-0 is Pending: unschedulable (0/1 nodes are available: 1 Insufficient memory.) — no node has room for its requests: lower spec.containers[].resources.requests or free some room");

    [Fact]
    public void Running_but_not_ready_blames_the_readiness_probe_when_there_is_one()
    {
        var pod = ReadyPod("vote-1");
        pod["status"]!["containerStatuses"]![0]!["ready"] = false;
        PodDiagnosis.ExplainPod(pod).Should().Be("pod vote-1 is running but vote is not ready yet");
        pod["spec"]!["containers"]![0]!["readinessProbe"] = new System.Text.Json.Nodes.JsonObject();
        PodDiagnosis.ExplainPod(pod).Should().Be("pod vote-1 is running but not ready: the readiness probe of vote is failing");
    }

    [Fact]
    public void A_failing_init_container_is_named()
    {
        var pod = Obj("""
            { "metadata": { "name": "worker-1" }, "status": { "phase": "Pending",
              "initContainerStatuses": [ { "name": "wait-db", "state": { "terminated": { "exitCode": 2 } } } ] } }
            """);
        PodDiagnosis.ExplainPod(pod).Should().Be("pod worker-1: init container wait-db failed with exit code 2 — read `kubectl logs worker-1 -c wait-db`");
    }

    [Fact]
    public void A_running_init_container_is_waited_for() =>
        PodDiagnosis.ExplainPod(Obj("""
            { "metadata": { "name": "worker-1" }, "status": { "phase": "Pending",
              "initContainerStatuses": [ { "name": "wait-db", "state": { "running": {} } } ] } }
            """)).Should().Be("pod worker-1 is waiting for init container wait-db to finish");

    [Fact]
    public void Terminating_pods_are_named()
    {
        var pod = ReadyPod("vote-1");
        pod["metadata"]!["deletionTimestamp"] = "2025-01-01T00:00:00Z";
        PodDiagnosis.ExplainPod(pod).Should().Be("pod vote-1 is Terminating");
    }

    [Fact]
    public void The_most_serious_problem_comes_first_and_the_rest_are_counted()
    {
        var text = PodDiagnosis.ExplainPods([
            WaitingPod("vote-a", "ContainerCreating"),
            WaitingPod("vote-b", "ImagePullBackOff"),
            WaitingPod("vote-c", "ContainerCreating"),
            ReadyPod("vote-d"),
        ]);
        text.Should().StartWith("pod vote-b is waiting: ImagePullBackOff").And
            .Contain("; pod vote-a is ContainerCreating").And.EndWith("; 1 more pod is not ready");
    }

    [Fact]
    public void All_ready_pods_give_no_diagnosis() =>
        PodDiagnosis.ExplainPods([ReadyPod("a"), ReadyPod("b")]).Should().BeNull();

    [Fact]
    public void A_selector_that_matches_no_pod_is_compared_with_the_labels_pods_have()
    {
        var pods = new[]
        {
            ReadyPod("redis-1", """{ "app": "redis" }"""),
            ReadyPod("vote-1", """{ "app": "vote", "tier": "frontend", "pod-template-hash": "abc" }"""),
        };
        PodDiagnosis.ForSelector(LabelSelector.Parse("app=vote,tier=front"), pods)
            .Should().Be("selector app=vote,tier=front matches no pods; pods with app=vote have tier=frontend");
    }

    [Fact]
    public void A_selector_in_an_empty_namespace() =>
        PodDiagnosis.NoPodMatches(LabelSelector.Parse("app=vote"), []).Should().Be("selector app=vote matches no pods; there are no pods in the namespace");

    [Fact]
    public void A_service_without_selector_has_no_pods() =>
        PodDiagnosis.ForObject(Obj("""{ "kind": "Service", "metadata": { "name": "db" }, "spec": {} }"""), [ReadyPod("a")])
            .Should().Be("Service db has no selector, so no pods back it");

    [Fact]
    public void A_workload_is_diagnosed_through_its_selector() =>
        PodDiagnosis.ForObject(Deployment("vote", 2, 1), [ReadyPod("vote-1"), WaitingPod("vote-2", "ContainerCreating"), WaitingPod("other", "ErrImagePull", labels: """{ "app": "other" }""")])
            .Should().Be("pod vote-2 is ContainerCreating");
}
