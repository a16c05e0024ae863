using System.Text.Json;
using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Classroom;
using Tutor.Core.Manifests;

namespace Tutor.Core.Tests.Classroom;

public class ClassroomSmallPartsTests
{
    [Fact]
    public void A_kubeconfig_reads_back_its_server_namespace_and_expiry()
    {
        var expires = new DateTimeOffset(2026, 5, 4, 21, 0, 0, TimeSpan.Zero);
        var text = LearnerKubeconfig.Render("ws", "ada", new ClusterEndpoint("https://k8s.example:6443", "Q0E=", false, "k8s"), "to\"ken", expires);

        LearnerKubeconfig.Read(text).Should().Be(("https://k8s.example:6443", "ws-ada", expires));
        text.Should().Contain("certificate-authority-data: Q0E=").And.Contain("tls-server-name: \"k8s\"").And.Contain("token: \"to\\\"ken\"");
        LearnerKubeconfig.Read("not: [yaml").Should().Be(((string?)null, (string?)null, (DateTimeOffset?)null));
    }

    [Fact]
    public void Forgetting_a_lesson_clears_its_steps_and_puts_a_learner_who_has_it_open_back_on_step_one()
    {
        var record = new ClassroomProgressRecord
        {
            Learner = "ada", Lesson = "120", Step = 2, FailingCheck = "vote has 3 replicas", FailingSince = DateTimeOffset.UnixEpoch,
            Passed = new Dictionary<string, int[]> { ["110"] = [1, 2], ["120"] = [1] },
        };
        var now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

        var json = ProgressRecordReset.ForgetLesson(JsonSerializer.Serialize(record), "120", now)!;
        var forgotten = JsonSerializer.Deserialize<ClassroomProgressRecord>(json)!;
        var other = ProgressRecordReset.ForgetLesson(record, "110", now);

        forgotten.Passed.Keys.Should().Equal("110");
        forgotten.Step.Should().Be(1);
        forgotten.FailingCheck.Should().BeNull();
        forgotten.UpdatedAt.Should().Be(now);
        other.Step.Should().Be(2);
        other.FailingCheck.Should().Be("vote has 3 replicas");
        ProgressRecordReset.ForgetLesson("{not json", "120", now).Should().BeNull();
    }

    [Fact]
    public void A_footprint_counts_the_largest_version_of_each_object_the_autoscaler_maximum_and_a_rolling_update()
    {
        ManifestObject O(string kind, string name, string body, string apiVersion = "v1") =>
            new(new ResourceKind(apiVersion, kind), name, null, (JsonObject)JsonNode.Parse(body)!, "f.yaml", 1);
        var footprint = LessonFootprint.Of(
        [
            O("Deployment", "vote", """{"spec":{"replicas":3}}""", "apps/v1"),
            O("Deployment", "vote", """{"spec":{"replicas":2}}""", "apps/v1"),
            O("HorizontalPodAutoscaler", "vote", """{"spec":{"scaleTargetRef":{"name":"vote"},"maxReplicas":8}}""", "autoscaling/v2"),
            O("StatefulSet", "db", """{"spec":{"replicas":2,"volumeClaimTemplates":[{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}]}}""", "apps/v1"),
            O("Service", "vote", """{"spec":{"type":"NodePort"}}"""),
            O("Pod", "debug", "{}"),
        ]);

        footprint.Should().Be(new LessonFootprint(Pods: 8 + 2 + 2 + 1, Services: 1, NodePorts: 1, LoadBalancers: 0, ConfigMaps: 0, Secrets: 0, Claims: 2, StorageBytes: 2L << 30));
        ClassroomQuota.Overruns(footprint).Should().BeEmpty();
        ClassroomQuota.Overruns(footprint with { Pods = 41, LoadBalancers = 1 }).Should().Equal(
            "pods: needs 41, the quota allows 40", "services.loadbalancers: needs 1, the quota allows 0");
    }

    [Fact]
    public void Reset_keeps_what_the_classroom_put_in_a_namespace()
    {
        JsonObject Item(string name, string? classroom = null) => new()
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = classroom is null ? new JsonObject() : new JsonObject { [ClassroomNames.ClassroomLabel] = classroom } },
        };
        var configMap = new ResourceKind("v1", "ConfigMap");

        ClassroomObjects.IsClassroomObject(new ResourceKind("v1", "ServiceAccount"), Item("tutor-learner", "ws")).Should().BeTrue();
        ClassroomObjects.IsClassroomObject(configMap, Item(ClassroomNames.ProgressConfigMap)).Should().BeTrue();
        ClassroomObjects.IsClassroomObject(configMap, Item("vote-config")).Should().BeFalse();
        ClassroomObjects.IsClassroomObject(new ResourceKind("v1", "Secret"), Item(ClassroomNames.ProgressConfigMap)).Should().BeFalse();
    }
}
