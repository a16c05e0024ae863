using System.Text.Json.Nodes;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Classroom;

public class ProvisionPlannerTests
{
    private const string Server = "https://10.0.0.1:6443";
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<AccessRule> Rules = [new("", ["pods"], ["get", "list"])];
    private static readonly ClusterEndpoint Endpoint = new(Server, "Q0E=", false, null);

    /// <summary>The room as a server would show it after provisioning <paramref name="learners"/>: each object as applied, plus fields the server adds.</summary>
    private static ObservedRoom Provisioned(string classroom, DateTimeOffset expires, params string[] learners)
    {
        var objects = new Dictionary<string, JsonObject>();
        var kubeconfigs = new Dictionary<string, string>();
        foreach (var learner in learners)
        {
            foreach (var o in LearnerObjects.For(classroom, learner, Rules))
            {
                var live = (JsonObject)o.Body.DeepClone();
                live["metadata"]!["uid"] = Guid.NewGuid().ToString();
                live["metadata"]!["labels"]!["kubernetes.io/metadata.name"] = o.Name;
                objects[ObservedRoom.Key(o)] = live;
            }

            kubeconfigs[learner] = LearnerKubeconfig.Render(classroom, learner, Endpoint, "token-" + learner, expires);
        }

        return new ObservedRoom(objects, kubeconfigs);
    }

    [Fact]
    public void An_empty_cluster_gets_every_object_and_a_kubeconfig_for_every_learner()
    {
        var plan = ProvisionPlanner.Plan("ws", ["ada", "bo"], Rules, ObservedRoom.Empty, Server, refreshTokens: false, Now);

        plan.Ok.Should().BeTrue();
        plan.Pending.Should().HaveCount(2);
        plan.Learners[0].Changes.Select(c => c.ToString()).Should().Equal(
            "namespace/ws-ada created", "serviceaccount/tutor-learner created", "role.rbac.authorization.k8s.io/tutor-learner created",
            "rolebinding.rbac.authorization.k8s.io/tutor-learner created", "resourcequota/tutor-learner created", "limitrange/tutor-learner created",
            "configmap/tutor-classroom created");
        plan.Learners[0].TokenReason.Should().Be("no kubeconfig yet");
        plan.Summary().Should().Be("2 learners: 2 to add");
        var ns = plan.Learners[1].Changes[0].Object;
        ns.Body["metadata"]!["labels"]!.ToJsonString().Should().Be(
            """{"tutor.dev/classroom":"ws","tutor.dev/learner":"bo","app.kubernetes.io/managed-by":"tutor","pod-security.kubernetes.io/enforce":"baseline"}""");
    }

    [Fact]
    public void Running_again_changes_nothing_and_says_so()
    {
        var plan = ProvisionPlanner.Plan("ws", ["ada", "bo"], Rules, Provisioned("ws", Now.AddHours(11), "ada", "bo"), Server, false, Now);

        plan.Pending.Should().BeEmpty();
        plan.Summary().Should().Be("2 learners, all up to date");
    }

    [Fact]
    public void Adding_learners_adds_only_them()
    {
        var plan = ProvisionPlanner.Plan("ws", ["ada", "bo", "cy"], Rules, Provisioned("ws", Now.AddHours(11), "ada", "bo"), Server, false, Now);

        plan.Pending.Select(l => l.Learner).Should().Equal("cy");
        plan.Summary().Should().Be("3 learners: 1 to add, 2 up to date");
    }

    [Fact]
    public void Tokens_are_renewed_when_asked_expired_or_pointing_elsewhere_and_not_otherwise()
    {
        var fresh = Provisioned("ws", Now.AddHours(11), "ada");
        var expired = Provisioned("ws", Now.AddMinutes(-1), "ada");

        ProvisionPlanner.Plan("ws", ["ada"], Rules, fresh, Server, true, Now).Learners[0].TokenReason.Should().Be("--refresh-tokens");
        ProvisionPlanner.Plan("ws", ["ada"], Rules, expired, Server, false, Now).Learners[0].TokenReason.Should().Be("token expired");
        ProvisionPlanner.Plan("ws", ["ada"], Rules, Provisioned("ws", Now.AddMinutes(5), "ada"), Server, false, Now).Learners[0].TokenReason.Should().Be("token about to expire");
        ProvisionPlanner.Plan("ws", ["ada"], Rules, fresh, "https://elsewhere:6443", false, Now).Learners[0].TokenReason.Should().Be("kubeconfig points elsewhere");
        var summary = ProvisionPlanner.Plan("ws", ["ada"], Rules, expired, Server, false, Now);
        summary.Learners[0].Changes.Should().BeEmpty();
        summary.Summary().Should().Be("1 learner: 1 with a new token");
    }

    [Fact]
    public void A_changed_object_is_updated_alone_and_a_recreated_account_gets_a_new_token()
    {
        var room = Provisioned("ws", Now.AddHours(11), "ada");
        var objects = new Dictionary<string, JsonObject>(room.Objects);
        var role = LearnerObjects.For("ws", "ada", Rules)[2];
        objects[ObservedRoom.Key(role)]["rules"]!.AsArray().Add(new JsonObject { ["apiGroups"] = new JsonArray("") });
        var accountKey = ObservedRoom.Key(LearnerObjects.For("ws", "ada", Rules)[1]);
        objects.Remove(accountKey);

        var plan = ProvisionPlanner.Plan("ws", ["ada"], Rules, room with { Objects = objects }, Server, false, Now);

        plan.Learners[0].Changes.Select(c => c.ToString()).Should().Equal("serviceaccount/tutor-learner created", "role.rbac.authorization.k8s.io/tutor-learner updated");
        plan.Learners[0].TokenReason.Should().Be("new ServiceAccount", "a token dies with the account it was issued for");
    }

    [Fact]
    public void A_namespace_of_the_same_name_that_is_not_this_learners_stops_the_whole_plan()
    {
        var objects = new Dictionary<string, JsonObject>
        {
            ["/namespaces/ws-bo"] = new() { ["metadata"] = new JsonObject { ["name"] = "ws-bo" } },
            ["/namespaces/ws-cy"] = (JsonObject)LearnerObjects.For("other", "cy", Rules)[0].Body.DeepClone(),
        };
        objects["/namespaces/ws-cy"]["metadata"]!["name"] = "ws-cy";

        var plan = ProvisionPlanner.Plan("ws", ["ada", "bo", "cy"], Rules, ObservedRoom.Empty with { Objects = objects }, Server, false, Now);

        plan.Ok.Should().BeFalse();
        plan.Errors.Should().Equal(
            "namespace ws-bo already exists and was not created by Tutor; Tutor leaves it alone: choose another learner or classroom name",
            "namespace ws-cy already exists and belongs to classroom other; Tutor leaves it alone: choose another learner or classroom name");
    }

    [Fact]
    public void Covers_compares_only_the_fields_provision_sets()
    {
        var desired = JsonNode.Parse("""{"a":{"b":1},"list":[{"x":"1"}]}""");
        ProvisionPlanner.Covers(desired, JsonNode.Parse("""{"a":{"b":1,"c":2},"list":[{"x":"1","y":2}],"status":{}}""")).Should().BeTrue();
        ProvisionPlanner.Covers(desired, JsonNode.Parse("""{"a":{"b":2},"list":[{"x":"1"}]}""")).Should().BeFalse();
        ProvisionPlanner.Covers(desired, JsonNode.Parse("""{"a":{"b":1},"list":[{"x":"1"},{"x":"2"}]}""")).Should().BeFalse();
    }
}
