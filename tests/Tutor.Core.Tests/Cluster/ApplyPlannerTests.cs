using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using static Tutor.Core.Tests.Cluster.TestManifests;

namespace Tutor.Core.Tests.Cluster;

public class ApplyPlannerTests
{
    [Fact]
    public void Namespaced_objects_go_into_the_learner_namespace()
    {
        var plan = ApplyPlanner.Plan([Object(Deployment, "vote"), Object(Service, "vote", "tutor")], "tutor-ana", Served);

        plan.Ok.Should().BeTrue();
        plan.Objects.Should().AllSatisfy(o =>
        {
            o.Namespace.Should().Be("tutor-ana");
            o.Body["metadata"]!["namespace"]!.GetValue<string>().Should().Be("tutor-ana");
        });
    }

    [Fact]
    public void Namespace_placeholder_is_renamed_and_labelled()
    {
        var plan = ApplyPlanner.Plan([Object(Namespace, "tutor")], "tutor-ana", Served);

        var ns = plan.Objects.Should().ContainSingle().Subject;
        ns.Name.Should().Be("tutor-ana");
        ns.Namespace.Should().BeNull();
        ns.Body["metadata"]!["name"]!.GetValue<string>().Should().Be("tutor-ana");
        ns.Body["metadata"]!["labels"]![TutorLabels.Learner]!.GetValue<string>().Should().Be("tutor-ana");
        ns.Body["metadata"]!["labels"]![TutorLabels.ManagedBy]!.GetValue<string>().Should().Be("tutor");
        plan.CreatesLearnerNamespace.Should().BeTrue();
    }

    [Fact]
    public void Namespaces_come_first_then_file_order()
    {
        var plan = ApplyPlanner.Plan([Object(Service, "b"), Object(Deployment, "a"), Object(Namespace, "tutor")], "tutor", Served);

        plan.Objects.Select(o => o.Reference).Should().Equal("namespace/tutor", "service/b", "deployment.apps/a");
    }

    [Fact]
    public void Another_namespace_makes_the_whole_manifest_invalid()
    {
        var plan = ApplyPlanner.Plan([Object(Deployment, "ok", line: 1), Object(Service, "bad", "kube-system", line: 12, file: "m.yaml")], "tutor", Served);

        plan.Ok.Should().BeFalse();
        plan.Objects.Should().BeEmpty("nothing is applied when any object is invalid");
        var error = plan.Errors.Should().ContainSingle().Subject;
        error.File.Should().Be("m.yaml");
        error.Line.Should().Be(12);
        error.Message.Should().Contain("kube-system").And.Contain("metadata.namespace");
    }

    [Fact]
    public void A_namespace_object_other_than_the_learners_is_refused()
    {
        var plan = ApplyPlanner.Plan([Object(Namespace, "default", line: 3)], "tutor", Served);

        plan.Errors.Should().ContainSingle().Which.Message.Should().Contain("\"default\"");
    }

    [Fact]
    public void Unserved_kind_is_named_with_file_and_line()
    {
        var plan = ApplyPlanner.Plan([Object(new ResourceKind("apps/v2", "Deployment"), "vote", line: 7)], "tutor", Served);

        var error = plan.Errors.Should().ContainSingle().Subject;
        error.Line.Should().Be(7);
        error.Message.Should().Contain("the cluster does not serve apps/v2 Deployment");
    }

    [Fact]
    public void Unserved_kind_uses_the_given_reason_when_there_is_one()
    {
        var kind = new ResourceKind("apps/v2", "Deployment");
        var reasons = new Dictionary<ResourceKind, string> { [kind] = "the cluster does not serve apps/v2 Deployment; it serves apps/v1 Deployment" };

        var plan = ApplyPlanner.Plan([Object(kind, "vote")], "tutor", Served, reasons);

        plan.Errors.Single().Message.Should().EndWith("it serves apps/v1 Deployment");
    }

    [Fact]
    public void Every_invalid_object_is_reported_not_just_the_first()
    {
        var plan = ApplyPlanner.Plan([Object(new ResourceKind("x/v1", "Foo"), "a", line: 1), Object(Service, "b", "other", line: 9)], "tutor", Served);

        plan.Errors.Select(e => e.Line).Should().Equal(1, 9);
    }

    [Fact]
    public void Server_owned_metadata_is_dropped_and_the_source_is_not_modified()
    {
        var source = Object(Deployment, "vote", extra: new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 2 } });
        ((JsonObject)source.Body["metadata"]!)["resourceVersion"] = "41";
        ((JsonObject)source.Body["metadata"]!)["uid"] = "abc";

        var planned = ApplyPlanner.Plan([source], "tutor", Served).Objects.Single();

        planned.Body["metadata"]!["resourceVersion"].Should().BeNull();
        planned.Body["metadata"]!["uid"].Should().BeNull();
        planned.Body["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        source.Body["metadata"]!["namespace"].Should().BeNull("the manifest object itself stays as read");
        source.Body["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be("41");
    }

    [Fact]
    public void Cluster_scoped_objects_keep_no_namespace_and_carry_the_learner_label()
    {
        var planned = ApplyPlanner.Plan([Object(ClusterRole, "reader")], "tutor-ana", Served).Objects.Single();

        planned.Namespace.Should().BeNull();
        planned.Body["metadata"]!["namespace"].Should().BeNull();
        planned.Body["metadata"]!["labels"]![TutorLabels.Learner]!.GetValue<string>().Should().Be("tutor-ana");
    }

    [Fact]
    public void Learner_namespace_body_carries_both_labels() =>
        NamespaceGuard.Judge(ApplyPlanner.LearnerNamespaceBody("tutor-bo")).IsTutors.Should().BeTrue();
}
