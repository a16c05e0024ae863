using Tutor.Core.Catalogue;
using Tutor.Core.Doctor;

namespace Tutor.Core.Tests.Doctor;

public class DoctorAdvisorTests
{
    private static readonly ClusterFacts Healthy = new()
    {
        KubectlVersion = "v1.32.0", Context = "kind-tutor", Server = "https://127.0.0.1:6443", Reachable = true, ServerVersion = "v1.32.0",
        Nodes = [new NodeFacts("tutor-control-plane", new Dictionary<string, string>(), "kind://docker/tutor/tutor-control-plane")],
        StorageClasses = ["standard"], DefaultStorageClass = "standard", CanWorkInNamespace = true, CanCreateClusterWide = true,
    };

    private static Lesson Lesson(string id, bool clusterWide = false, params string[] addons) =>
        new(id, 100, $"Lesson {id}", 10, $"lessons/{id}.md", new LessonRequirements(clusterWide, addons), [], []);

    private static DoctorFinding Finding(DoctorReport report, string name) => report.Findings.Single(f => f.Name == name);

    [Theory]
    [InlineData("tutor-sandbox", "n1", null, null, ClusterKind.Sandbox)]
    [InlineData("work", "tutor-control-plane", "kind://docker/tutor/tutor-control-plane", null, ClusterKind.Kind)]
    [InlineData("work", "minikube", null, "minikube.k8s.io/name", ClusterKind.Minikube)]
    [InlineData("work", "k3d-tutor-server-0", "k3s://k3d-tutor-server-0", null, ClusterKind.K3d)]
    [InlineData("work", "docker-desktop", null, null, ClusterKind.DockerDesktop)]
    [InlineData("kind-tutor", "n1", null, null, ClusterKind.Kind)]
    [InlineData("minikube", "n1", null, null, ClusterKind.Minikube)]
    [InlineData("gke_project_zone_prod", "gke-node-1", "gce://project/zone/gke-node-1", null, ClusterKind.Other)]
    public void The_kind_of_cluster_is_told_from_nodes_then_context(string context, string node, string? providerId, string? label, ClusterKind expected)
    {
        var labels = label is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [label] = "x" };
        ClusterKindDetector.Detect(new ClusterFacts { Context = context, Nodes = [new NodeFacts(node, labels, providerId)] }).Should().Be(expected);
    }

    [Fact]
    public void A_missing_ingress_controller_on_kind_gives_the_kind_manifest_and_holds_back_only_the_lessons_that_need_it()
    {
        var report = DoctorAdvisor.Judge(Healthy, [Lesson("130"), Lesson("150", false, "ingress-controller")]);

        Finding(report, "ingress-controller").Status.Should().Be(FindingStatus.Missing);
        Finding(report, "ingress-controller").Fix.Should().Contain("kind").And.Contain("deploy-ingress-nginx.yaml");
        report.Lessons.Single(l => l.Id == "130").Runnable.Should().BeTrue();
        report.Lessons.Single(l => l.Id == "150").Missing.Should().Equal("ingress-controller");
        report.Healthy.Should().BeTrue("missing add-ons only limit which lessons run");
    }

    [Fact]
    public void On_minikube_the_fixes_are_addons()
    {
        var minikube = Healthy with { Context = "minikube", Nodes = [new NodeFacts("minikube", new Dictionary<string, string> { ["minikube.k8s.io/name"] = "minikube" }, null)] };
        var report = DoctorAdvisor.Judge(minikube, []);

        Finding(report, "ingress-controller").Fix.Should().Be("minikube addons enable ingress");
        Finding(report, "metrics-server").Fix.Should().Be("minikube addons enable metrics-server");
        Finding(report, "network-policy").Fix.Should().Contain("--cni=calico");
        Finding(report, "flux").Fix.Should().Be("flux install");
    }

    [Fact]
    public void Present_add_ons_are_found_from_classes_pods_and_apis()
    {
        var full = Healthy with
        {
            IngressClasses = ["nginx"], MetricsApi = true, FluxInstalled = true, NetworkPolicyPods = ["kube-system/calico-node-abc"],
        };
        var report = DoctorAdvisor.Judge(full, [Lesson("510", true, "network-policy", "metrics-server", "flux", "ingress-controller")]);

        report.Findings.Should().OnlyContain(f => f.Status == FindingStatus.Ok);
        report.Lessons.Single().Runnable.Should().BeTrue();
    }

    [Fact]
    public void Rights_that_cannot_be_determined_are_unknown_and_do_not_hold_lessons_back()
    {
        var report = DoctorAdvisor.Judge(Healthy with { CanWorkInNamespace = null, CanCreateClusterWide = null }, [Lesson("101", clusterWide: true)]);

        Finding(report, DoctorAdvisor.RightsFinding).Status.Should().Be(FindingStatus.Unknown);
        Finding(report, DoctorAdvisor.ClusterWideFinding).Detail.Should().Contain("could not be determined");
        report.Lessons.Single().Runnable.Should().BeTrue();
    }

    [Fact]
    public void Lessons_needing_cluster_wide_rights_are_held_back_when_they_are_refused()
    {
        var report = DoctorAdvisor.Judge(Healthy with { CanCreateClusterWide = false }, [Lesson("101", clusterWide: true), Lesson("110")]);

        report.Lessons.Select(l => (l.Id, l.Runnable)).Should().Equal(("101", false), ("110", true));
    }

    [Fact]
    public void No_default_storage_class_is_reported_with_how_to_mark_one()
    {
        var report = DoctorAdvisor.Judge(Healthy with { DefaultStorageClass = null, StorageClasses = ["fast"] }, []);

        Finding(report, DoctorAdvisor.StorageFinding).Detail.Should().Be("none of fast is marked default");
        Finding(report, DoctorAdvisor.StorageFinding).Fix.Should().Contain("is-default-class=true");
    }

    [Fact]
    public void An_unreachable_cluster_or_no_kubectl_is_unhealthy_and_runs_no_lesson()
    {
        var report = DoctorAdvisor.Judge(Healthy with { Reachable = false, Unreachable = "connection refused", KubectlVersion = null }, [Lesson("110")]);

        report.Healthy.Should().BeFalse();
        Finding(report, DoctorAdvisor.KubectlFinding).Status.Should().Be(FindingStatus.Missing);
        Finding(report, DoctorAdvisor.ClusterFinding).Detail.Should().Contain("connection refused");
        report.Lessons.Single().Runnable.Should().BeFalse();
    }

    [Fact]
    public void The_sandbox_simulates_ingress_and_network_policy_but_not_metrics()
    {
        var report = DoctorAdvisor.Judge(Healthy with { Context = "tutor-sandbox", Nodes = [] }, [Lesson("150", false, "ingress-controller"), Lesson("440", false, "metrics-server")]);

        report.Kind.Should().Be(ClusterKind.Sandbox);
        Finding(report, "ingress-controller").Detail.Should().StartWith("simulated");
        Finding(report, "metrics-server").Fix.Should().Contain("kind or minikube");
        report.Lessons.Select(l => l.Runnable).Should().Equal(true, false);
    }

    [Fact]
    public void A_missing_optional_add_on_keeps_the_lesson_runnable_and_is_named()
    {
        var gitops = new Lesson("350", 300, "GitOps concepts", 25, "lessons/350.md", new LessonRequirements(false, []) { OptionalAddons = ["flux"] }, [], []);

        var report = DoctorAdvisor.Judge(Healthy, [gitops]);

        Finding(report, "flux").Status.Should().Be(FindingStatus.Missing);
        var readiness = report.Lessons.Single();
        readiness.Runnable.Should().BeTrue();
        readiness.Missing.Should().BeEmpty();
        readiness.OptionalMissing.Should().Equal("flux");
    }
}
