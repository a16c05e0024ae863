using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using static Tutor.Core.Tests.Checks.Fixtures;

namespace Tutor.Core.Tests.Checks;

public class CheckEvaluatorTests
{
    private static ResourceRef Ref(string apiVersion, string kind, string name) => new(new ResourceKind(apiVersion, kind), name);

    private static CheckVerdict Eval(Check check, params JsonObject[] objects) => CheckEvaluator.Evaluate(check, Snapshot(objects));

    [Fact]
    public void Every_check_fails_when_the_cluster_cannot_be_reached()
    {
        var checks = new Check[]
        {
            new ReachableCheck("answers", null, 1),
            new ExistsCheck("exists", null, 2, Ref("v1", "Namespace", "{namespace}")),
            new AbsentCheck("gone", null, 3, Ref("v1", "Pod", "vote")),
        };
        var verdicts = CheckEvaluator.EvaluateAll(checks, ClusterSnapshot.Unreachable(Ns));
        verdicts.Should().HaveCount(3).And.OnlyContain(v => !v.Passed && v.Message == "cannot reach the cluster");
    }

    [Fact]
    public void Reachable_passes_on_a_reachable_snapshot() =>
        Eval(new ReachableCheck("answers", null, 1)).Passed.Should().BeTrue();

    [Fact]
    public void Exists_resolves_the_namespace_placeholder()
    {
        var check = new ExistsCheck("ns", null, 1, Ref("v1", "Namespace", "{namespace}"));
        var ns = Obj($$"""{ "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "{{Ns}}" } }""");
        Eval(check, ns).Should().Be(CheckVerdict.Pass($"Namespace {Ns} exists"));
        Eval(check).Should().Be(CheckVerdict.Fail($"Namespace {Ns} not found"));
    }

    [Fact]
    public void Exists_names_the_namespace_of_a_missing_namespaced_object() =>
        Eval(new ExistsCheck("d", null, 1, Ref("apps/v1", "Deployment", "vote"))).Message.Should().Be($"Deployment vote not found in namespace {Ns}");

    [Fact]
    public void Absent_passes_when_gone_and_fails_while_terminating()
    {
        var check = new AbsentCheck("gone", null, 1, Ref("v1", "Pod", "vote"));
        Eval(check).Passed.Should().BeTrue();
        Eval(check, ReadyPod("vote")).Message.Should().Be("Pod vote still exists");
        var terminating = ReadyPod("vote");
        terminating["metadata"]!["deletionTimestamp"] = "2025-01-01T00:00:00Z";
        Eval(check, terminating).Message.Should().Be("Pod vote is still terminating");
    }

    [Fact]
    public void Match_passes_with_the_facts_it_saw()
    {
        var check = new MatchCheck("3", null, 1, Ref("apps/v1", "Deployment", "vote"),
            JsonNode.Parse("""{ "spec": { "replicas": 3 }, "status": { "readyReplicas": { "$gte": 3 } } }""")!);
        var verdict = Eval(check, Deployment("vote", 3, 3));
        verdict.Passed.Should().BeTrue();
        verdict.Message.Should().Be("Deployment vote: spec.replicas is 3, status.readyReplicas is 3");
    }

    [Fact]
    public void Match_failure_reads_as_the_mismatch_and_diagnoses_the_pods()
    {
        var check = new MatchCheck("3", null, 1, Ref("apps/v1", "Deployment", "vote"),
            JsonNode.Parse("""{ "status": { "readyReplicas": { "$gte": 3 } } }""")!);
        var verdict = Eval(check, Deployment("vote", 3, 1), ReadyPod("vote-a"), WaitingPod("vote-b", "ContainerCreating"));
        verdict.Should().Be(CheckVerdict.Fail("expected status.readyReplicas >= 3, found 1", "pod vote-b is ContainerCreating"));
    }

    [Fact]
    public void Match_on_a_missing_object_says_not_found() =>
        Eval(new MatchCheck("t", null, 1, Ref("v1", "ConfigMap", "settings"), JsonNode.Parse("""{ "data": {} }""")!))
            .Message.Should().Be($"ConfigMap settings not found in namespace {Ns}");

    [Fact]
    public void Match_on_a_config_map_has_no_pod_diagnosis()
    {
        var cm = Obj("""{ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "settings" }, "data": { "A": "1" } }""");
        var verdict = Eval(new MatchCheck("t", null, 1, Ref("v1", "ConfigMap", "settings"), JsonNode.Parse("""{ "data": { "A": "2" } }""")!), cm);
        verdict.Should().Be(CheckVerdict.Fail("expected data.A to be \"2\", found \"1\""));
    }

    [Fact]
    public void Count_counts_selected_objects_within_bounds()
    {
        var check = new CountCheck("3 pods", null, 1, new ResourceKind("v1", "Pod"), LabelSelector.Parse("app=vote"), null, new CountBounds(3, null, null));
        Eval(check, ReadyPod("a"), ReadyPod("b"), ReadyPod("c"), ReadyPod("x", """{ "app": "result" }""")).Should()
            .Be(CheckVerdict.Pass("3 Pods with app=vote"));
        var failed = Eval(check, ReadyPod("a"), ReadyPod("b"), ReadyPod("x", """{ "app": "result" }"""));
        failed.Passed.Should().BeFalse();
        failed.Message.Should().Be("expected at least 3 Pods with app=vote, found 2");
    }

    [Fact]
    public void Count_with_match_says_why_a_selected_object_was_not_counted()
    {
        var check = new CountCheck("running", null, 1, new ResourceKind("v1", "Pod"), LabelSelector.Parse("app=vote"),
            JsonNode.Parse("""{ "status": { "phase": "Running" } }"""), new CountBounds(null, null, 2));
        var verdict = Eval(check, ReadyPod("a"), WaitingPod("b", "ImagePullBackOff"));
        verdict.Message.Should().Be("expected exactly 2 Pods with app=vote that match, found 1 (b: expected status.phase to be \"Running\", found \"Pending\")");
        verdict.Diagnosis.Should().Contain("pod b is waiting: ImagePullBackOff");
    }

    [Fact]
    public void Count_with_max_fails_on_too_many()
    {
        var check = new CountCheck("none", null, 1, new ResourceKind("v1", "Pod"), LabelSelector.Parse("app=debug"), null, new CountBounds(null, 0, null));
        Eval(check).Passed.Should().BeTrue();
        Eval(check, ReadyPod("d", """{ "app": "debug" }""")).Message.Should().Be("expected at most 0 Pods with app=debug, found 1");
    }

    [Fact]
    public void Count_of_pods_with_no_match_compares_the_selector_with_the_labels()
    {
        var check = new CountCheck("3 pods", null, 1, new ResourceKind("v1", "Pod"), LabelSelector.Parse("app=vote,tier=front"), null, new CountBounds(3, null, null));
        Eval(check, ReadyPod("a", """{ "app": "vote", "tier": "frontend" }""")).Diagnosis
            .Should().Be("selector app=vote,tier=front matches no pods; pods with app=vote have tier=frontend");
    }

    [Fact]
    public void Rolled_out_deployment_passes_with_ready_counts() =>
        Eval(new RolledOutCheck("r", null, 1, Ref("apps/v1", "Deployment", "vote")), Deployment("vote", 3, 3))
            .Should().Be(CheckVerdict.Pass("Deployment vote has 3/3 ready"));

    [Theory]
    [InlineData(3, 3, 3, 3, 2, 1, 3, "Deployment vote: the controller has not yet seen the latest change")]
    [InlineData(3, 3, 2, 3, 1, 1, 3, "Deployment vote: 2 of 3 replicas updated")]
    [InlineData(3, 3, 3, 3, 1, 1, 4, "Deployment vote: 1 old replica still terminating")]
    [InlineData(3, 2, 3, 2, 1, 1, 3, "Deployment vote has 2/3 ready")]
    [InlineData(3, 3, 3, 2, 1, 1, 3, "Deployment vote: 2 of 3 replicas available")]
    public void Rolled_out_deployment_failures(int replicas, int ready, int updated, int available, int generation, int observed, int total, string message)
    {
        var verdict = Eval(new RolledOutCheck("r", null, 1, Ref("apps/v1", "Deployment", "vote")),
            Deployment("vote", replicas, ready, updated, available, generation, observed, total));
        verdict.Passed.Should().BeFalse();
        verdict.Message.Should().Be(message);
    }

    [Fact]
    public void Rolled_out_failure_diagnoses_the_pods() =>
        Eval(new RolledOutCheck("r", null, 1, Ref("apps/v1", "Deployment", "vote")),
                Deployment("vote", 2, 1), ReadyPod("vote-1"), WaitingPod("vote-2", "ImagePullBackOff"))
            .Diagnosis.Should().Be("pod vote-2 is waiting: ImagePullBackOff (image nginx:1.99 could not be pulled — check the image name and tag)");

    [Fact]
    public void Rolled_out_statefulset_and_daemonset()
    {
        var sts = Obj("""
            { "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": { "name": "db", "generation": 2 },
              "spec": { "replicas": 1, "selector": { "matchLabels": { "app": "db" } } },
              "status": { "observedGeneration": 2, "readyReplicas": 1, "updatedReplicas": 1, "currentRevision": "db-1", "updateRevision": "db-1" } }
            """);
        Eval(new RolledOutCheck("r", null, 1, Ref("apps/v1", "StatefulSet", "db")), sts).Message.Should().Be("StatefulSet db has 1/1 ready");
        sts["status"]!["updateRevision"] = "db-2";
        Eval(new RolledOutCheck("r", null, 1, Ref("apps/v1", "StatefulSet", "db")), sts).Message.Should().Be("StatefulSet db: rolling update still in progress");

        var ds = Obj("""
            { "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": { "name": "agent", "generation": 1 },
              "spec": { "selector": { "matchLabels": { "app": "agent" } } },
              "status": { "observedGeneration": 1, "desiredNumberScheduled": 2, "numberReady": 1, "updatedNumberScheduled": 2 } }
            """);
        Eval(new RolledOutCheck("r", null, 1, Ref("apps/v1", "DaemonSet", "agent")), ds).Message.Should().Be("DaemonSet agent has 1/2 ready");
        ds["status"]!["numberReady"] = 2;
        Eval(new RolledOutCheck("r", null, 1, Ref("apps/v1", "DaemonSet", "agent")), ds).Passed.Should().BeTrue();
    }

    [Fact]
    public void Endpoints_counts_ready_addresses_over_all_subsets()
    {
        var check = new EndpointsCheck("3", null, 1, Ref("v1", "Service", "vote"), new CountBounds(3, null, null));
        var endpoints = Endpoints("vote", 2, 1);
        endpoints["subsets"]!.AsArray().Add(new JsonObject { ["addresses"] = new JsonArray(new JsonObject { ["ip"] = "10.0.2.1" }) });
        Eval(check, Service("vote"), endpoints).Should().Be(CheckVerdict.Pass("Service vote has 3 ready endpoints"));
    }

    [Fact]
    public void Endpoints_failure_counts_not_ready_and_diagnoses()
    {
        var check = new EndpointsCheck("3", null, 1, Ref("v1", "Service", "vote"), new CountBounds(3, null, null));
        var verdict = Eval(check, Service("vote"), Endpoints("vote", 1, 1), ReadyPod("vote-a"),
            WaitingPod("vote-b", "CrashLoopBackOff", lastState: """{ "terminated": { "exitCode": 1 } }"""));
        verdict.Message.Should().Be("expected at least 3 ready endpoints for Service vote, found 1 (1 not ready)");
        verdict.Diagnosis.Should().Be("pod vote-b is waiting: CrashLoopBackOff: last exit code 1 — read `kubectl logs vote-b --previous`");
    }

    [Fact]
    public void Endpoints_of_a_service_whose_selector_matches_nothing()
    {
        var check = new EndpointsCheck("1", null, 1, Ref("v1", "Service", "vote"), new CountBounds(1, null, null));
        var verdict = Eval(check, Service("vote", """{ "app": "vote", "tier": "front" }"""),
            ReadyPod("vote-a", """{ "app": "vote", "tier": "frontend", "pod-template-hash": "7d9f" }"""));
        verdict.Message.Should().Be("expected at least 1 ready endpoint for Service vote, found 0");
        verdict.Diagnosis.Should().Be("selector app=vote,tier=front matches no pods; pods with app=vote have tier=frontend");
    }

    [Fact]
    public void Endpoints_without_an_endpoints_object_is_zero() =>
        Eval(new EndpointsCheck("1", null, 1, Ref("v1", "Service", "vote"), new CountBounds(1, null, null)), Service("vote"))
            .Message.Should().StartWith("expected at least 1 ready endpoint for Service vote, found 0");

    [Fact]
    public void Selects_uses_the_service_selector()
    {
        var check = new SelectsCheck("s", null, 1, Ref("v1", "Service", "vote"), new ResourceKind("v1", "Pod"), new CountBounds(2, null, null));
        Eval(check, Service("vote"), ReadyPod("a"), ReadyPod("b")).Should().Be(CheckVerdict.Pass("Service vote selects 2 Pods (app=vote)"));
        var failed = Eval(check, Service("vote", """{ "app": "votes" }"""), ReadyPod("a"), ReadyPod("b"));
        failed.Message.Should().Be("expected Service vote to select at least 2 Pods, its selector app=votes selects 0");
        failed.Diagnosis.Should().Be("selector app=votes matches no pods; pods have app=vote");
    }

    [Fact]
    public void Selects_uses_a_workload_selector()
    {
        var check = new SelectsCheck("s", null, 1, Ref("apps/v1", "Deployment", "vote"), new ResourceKind("v1", "Pod"), new CountBounds(1, null, null));
        Eval(check, Deployment("vote", 1, 1), ReadyPod("a")).Passed.Should().BeTrue();
    }

    [Fact]
    public void Selects_on_an_object_without_a_selector_fails()
    {
        var check = new SelectsCheck("s", null, 1, Ref("v1", "Service", "db"), new ResourceKind("v1", "Pod"), new CountBounds(1, null, null));
        var noSelector = Obj("""{ "apiVersion": "v1", "kind": "Service", "metadata": { "name": "db" }, "spec": { "ports": [] } }""");
        Eval(check, noSelector, ReadyPod("a")).Message.Should().Be("Service db has no selector");
    }

    [Fact]
    public void Evaluate_all_keeps_the_order_of_the_checks()
    {
        var checks = new Check[]
        {
            new AbsentCheck("gone", null, 1, Ref("v1", "Pod", "vote")),
            new ExistsCheck("there", null, 2, Ref("v1", "Pod", "vote")),
        };
        CheckEvaluator.EvaluateAll(checks, Snapshot(ReadyPod("vote"))).Select(v => v.Passed).Should().Equal(false, true);
    }

    [Fact]
    public void Reads_lists_what_each_check_needs()
    {
        ResourceKind[] podDiagnosis = [new("v1", "Pod"), new("v1", "Event"), new("v1", "PersistentVolumeClaim"), new("storage.k8s.io/v1", "StorageClass"), new("v1", "PersistentVolume")];
        new EndpointsCheck("e", null, 1, Ref("v1", "Service", "vote"), new CountBounds(1, null, null)).Reads
            .Should().BeEquivalentTo([new ResourceKind("v1", "Service"), new ResourceKind("v1", "Endpoints"), .. podDiagnosis]);
        new RolledOutCheck("r", null, 1, Ref("apps/v1", "Deployment", "vote")).Reads
            .Should().BeEquivalentTo([Deployments, .. podDiagnosis]);
        new CountCheck("c", null, 1, new ResourceKind("v1", "Pod"), null, null, new CountBounds(1, null, null)).Reads
            .Should().BeEquivalentTo(podDiagnosis);
        new MatchCheck("m", null, 1, Ref("v1", "PersistentVolumeClaim", "data-db-0"), new JsonObject()).Reads.Should().BeEquivalentTo(podDiagnosis);
        new SelectsCheck("s", null, 1, Ref("v1", "Service", "vote"), new ResourceKind("v1", "Pod"), new CountBounds(1, null, null)).Reads
            .Should().BeEquivalentTo([new ResourceKind("v1", "Service"), new ResourceKind("v1", "Pod"), new ResourceKind("v1", "Event")]);
        new MatchCheck("m", null, 1, Ref("v1", "ConfigMap", "x"), new JsonObject()).Reads.Should().BeEquivalentTo([new ResourceKind("v1", "ConfigMap")]);
        new ReachableCheck("r", null, 1).Reads.Should().BeEmpty();
    }
}
