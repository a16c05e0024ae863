using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Engine;
using Tutor.Tui;

namespace Tutor.Tests.Engine;

public class ObjectRowsTests
{
    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    private static ClusterSnapshot Snapshot(params (ResourceKind Kind, JsonObject[] Objects)[] lists) =>
        new("tutor", true, lists.ToDictionary(l => l.Kind, l => (IReadOnlyList<JsonObject>)l.Objects));

    private static readonly ResourceKind Deployment = new("apps/v1", "Deployment");

    [Fact]
    public void The_learners_namespace_then_workloads_as_ready_of_desired_then_pods_by_what_matters()
    {
        var rows = ObjectRows.From(Snapshot(
            (WellKnownKinds.Pod,
            [
                Json("""{"metadata":{"name":"vote-b"},"status":{"phase":"Pending","containerStatuses":[{"ready":false,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}"""),
                Json("""{"metadata":{"name":"vote-a"},"status":{"phase":"Running","containerStatuses":[{"ready":true,"state":{"running":{}}}]}}"""),
                Json("""{"metadata":{"name":"vote-c"},"status":{"phase":"Pending"}}"""),
            ]),
            (Deployment, [Json("""{"metadata":{"name":"vote"},"spec":{"replicas":3},"status":{"readyReplicas":1}}""")]),
            (WellKnownKinds.Namespace, [Json("""{"metadata":{"name":"default"},"status":{"phase":"Active"}}"""), Json("""{"metadata":{"name":"tutor"},"status":{"phase":"Active"}}""")]),
            (WellKnownKinds.Service, [Json("""{"metadata":{"name":"vote"},"spec":{}}""")])))!;

        rows.Should().Equal(
            new ObjectRow("ns/tutor", "Active", ObjectHealth.Ready),
            new ObjectRow("deploy/vote", "1/3", ObjectHealth.Progressing),
            new ObjectRow("po/vote-a", "Running", ObjectHealth.Ready),
            new ObjectRow("po/vote-b", "CrashLoopBackOff", ObjectHealth.Failing),
            new ObjectRow("po/vote-c", "Pending", ObjectHealth.Progressing),
            new ObjectRow("svc/vote", "", ObjectHealth.None));
    }

    [Fact]
    public void A_deployment_with_all_replicas_ready_is_ready_and_a_terminating_pod_is_on_its_way()
    {
        ObjectRows.Row("Deployment", "vote", Json("""{"spec":{"replicas":2},"status":{"readyReplicas":2}}"""))
            .Should().Be(new ObjectRow("deploy/vote", "2/2", ObjectHealth.Ready));
        ObjectRows.Row("Pod", "vote-a", Json("""{"metadata":{"deletionTimestamp":"2026-01-01T00:00:00Z"},"status":{"phase":"Running"}}"""))
            .Should().Be(new ObjectRow("po/vote-a", "Terminating", ObjectHealth.Progressing));
    }

    [Fact]
    public void No_rows_before_the_first_snapshot_or_while_the_cluster_does_not_answer()
    {
        ObjectRows.From(null).Should().BeNull();
        ObjectRows.From(ClusterSnapshot.Unreachable("tutor")).Should().BeNull();
    }
}
