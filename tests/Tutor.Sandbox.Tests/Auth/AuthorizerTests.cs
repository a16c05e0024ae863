using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Auth;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Auth;

/// <summary>The RBAC authorizer on its own: rules, bindings and request attributes in, a decision with its reason out.</summary>
public sealed class AuthorizerTests
{
    private static readonly UserInfo Learner = UserInfo.ForServiceAccount("team-a", "learner");

    private static RbacPolicy Policy(
        (string Name, PolicyRule[] Rules)[]? clusterRoles = null,
        ((string Ns, string Name) Key, PolicyRule[] Rules)[]? roles = null,
        params RbacBinding[] bindings) => new(
        (clusterRoles ?? []).ToDictionary(r => r.Name, r => (IReadOnlyList<PolicyRule>)r.Rules),
        (roles ?? []).ToDictionary(r => r.Key, r => (IReadOnlyList<PolicyRule>)r.Rules),
        bindings);

    private static RequestAttributes Request(UserInfo user, string verb, string resource, string ns = "", string group = "", string subresource = "", string name = "") =>
        new(user, verb, true, group, resource, subresource, ns, name);

    private static readonly RbacSubject LearnerSubject = new("ServiceAccount", "learner", "team-a");

    [Fact]
    public void A_role_binding_grants_its_role_in_its_namespace_only()
    {
        var policy = Policy(roles: [(("team-a", "pod-reader"), [PolicyRule.Resource(["get", "list"], [""], ["pods"])])],
            bindings: new RbacBinding("team-a", "read", "Role", "pod-reader", [LearnerSubject]));

        var inside = Authorizer.Authorize(policy, Request(Learner, "list", "pods", "team-a"));
        var elsewhere = Authorizer.Authorize(policy, Request(Learner, "list", "pods", "team-b"));
        var clusterWide = Authorizer.Authorize(policy, Request(Learner, "list", "pods"));
        var otherVerb = Authorizer.Authorize(policy, Request(Learner, "delete", "pods", "team-a", name: "web"));

        inside.Allowed.Should().BeTrue();
        inside.Reason.Should().Contain("RoleBinding \"read/team-a\"").And.Contain("Role \"pod-reader\"").And.Contain("ServiceAccount \"team-a/learner\"");
        elsewhere.Allowed.Should().BeFalse();
        clusterWide.Allowed.Should().BeFalse();
        otherVerb.Allowed.Should().BeFalse();
    }

    [Fact]
    public void A_cluster_role_bound_in_a_namespace_stays_in_that_namespace()
    {
        var policy = Policy(clusterRoles: [("edit", [PolicyRule.Resource(["*"], [""], ["secrets"])])],
            bindings: new RbacBinding("team-a", "edit", "ClusterRole", "edit", [LearnerSubject]));

        Authorizer.Authorize(policy, Request(Learner, "list", "secrets", "team-a")).Allowed.Should().BeTrue();
        Authorizer.Authorize(policy, Request(Learner, "list", "secrets", "team-b")).Allowed.Should().BeFalse();
        Authorizer.Authorize(policy, Request(Learner, "list", "secrets")).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Cluster_role_bindings_reach_every_namespace_and_groups_count_as_subjects()
    {
        var policy = Policy(clusterRoles: [("node-reader", [PolicyRule.Resource(["get"], [""], ["nodes", "pods"])])],
            bindings: new RbacBinding("", "all-accounts", "ClusterRole", "node-reader", [new RbacSubject("Group", "system:serviceaccounts")]));

        Authorizer.Authorize(policy, Request(Learner, "get", "nodes", name: "n1")).Allowed.Should().BeTrue();
        Authorizer.Authorize(policy, Request(Learner, "get", "pods", "anywhere", name: "p")).Allowed.Should().BeTrue();
        Authorizer.Authorize(policy, Request(new UserInfo("jane", ["system:authenticated"]), "get", "nodes", name: "n1")).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Subresources_must_be_granted_by_name_or_by_a_wildcard()
    {
        var rules = new[]
        {
            PolicyRule.Resource(["get"], [""], ["pods"]),
            PolicyRule.Resource(["update"], ["apps"], ["*/scale"]),
        };
        var policy = Policy(roles: [(("team-a", "r"), rules)], bindings: new RbacBinding("team-a", "b", "Role", "r", [LearnerSubject]));

        Authorizer.Authorize(policy, Request(Learner, "get", "pods", "team-a", name: "p")).Allowed.Should().BeTrue();
        Authorizer.Authorize(policy, Request(Learner, "get", "pods", "team-a", subresource: "log", name: "p")).Allowed.Should().BeFalse();
        Authorizer.Authorize(policy, Request(Learner, "update", "deployments", "team-a", "apps", "scale", "web")).Allowed.Should().BeTrue();
        Authorizer.Authorize(policy, Request(Learner, "update", "deployments", "team-a", "apps", name: "web")).Allowed.Should().BeFalse();
        Authorizer.Authorize(policy, Request(Learner, "update", "deployments", "team-a", "", "scale", "web")).Allowed.Should().BeFalse("the group must match too");
    }

    [Fact]
    public void Resource_names_limit_a_rule_to_those_objects()
    {
        var policy = Policy(roles: [(("team-a", "r"), [PolicyRule.Resource(["get", "list"], [""], ["configmaps"], ["settings"])])],
            bindings: new RbacBinding("team-a", "b", "Role", "r", [LearnerSubject]));

        Authorizer.Authorize(policy, Request(Learner, "get", "configmaps", "team-a", name: "settings")).Allowed.Should().BeTrue();
        Authorizer.Authorize(policy, Request(Learner, "get", "configmaps", "team-a", name: "other")).Allowed.Should().BeFalse();
        Authorizer.Authorize(policy, Request(Learner, "list", "configmaps", "team-a")).Allowed.Should().BeFalse("a list names no object");
    }

    [Fact]
    public void Non_resource_urls_match_exactly_or_by_a_trailing_star_and_only_through_cluster_bindings()
    {
        var discovery = PolicyRule.NonResource(["get"], ["/version", "/apis/*"]);
        var cluster = Policy(clusterRoles: [("d", [discovery])], bindings: new RbacBinding("", "d", "ClusterRole", "d", [new RbacSubject("Group", "system:authenticated")]));
        var namespaced = Policy(clusterRoles: [("d", [discovery])], bindings: new RbacBinding("team-a", "d", "ClusterRole", "d", [LearnerSubject]));

        Authorizer.Authorize(cluster, RequestAttributes.ForPath(Learner, "get", "/version")).Allowed.Should().BeTrue();
        Authorizer.Authorize(cluster, RequestAttributes.ForPath(Learner, "get", "/apis/apps/v1")).Allowed.Should().BeTrue();
        Authorizer.Authorize(cluster, RequestAttributes.ForPath(Learner, "get", "/versions")).Allowed.Should().BeFalse();
        Authorizer.Authorize(cluster, RequestAttributes.ForPath(Learner, "post", "/version")).Allowed.Should().BeFalse();
        Authorizer.Authorize(namespaced, RequestAttributes.ForPath(Learner, "get", "/version")).Allowed.Should().BeFalse();
    }

    [Fact]
    public void A_binding_to_a_missing_role_grants_nothing()
    {
        var policy = Policy(bindings: new RbacBinding("team-a", "b", "Role", "gone", [LearnerSubject]));

        Authorizer.Authorize(policy, Request(Learner, "get", "pods", "team-a", name: "p")).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Uncovered_lists_each_wanted_grant_no_held_rule_covers()
    {
        IReadOnlyList<PolicyRule> held = [PolicyRule.Resource(["get", "list"], [""], ["pods", "configmaps"]), PolicyRule.Resource(["*"], ["apps"], ["deployments"])];

        Authorizer.Uncovered(held, [PolicyRule.Resource(["get"], [""], ["pods"]), PolicyRule.Resource(["delete"], ["apps"], ["deployments"], ["web"])]).Should().BeEmpty();
        var missing = Authorizer.Uncovered(held, [PolicyRule.Resource(["get", "delete"], [""], ["pods", "secrets"])]);
        missing.Select(m => m.ToString()).Should().BeEquivalentTo(
            "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\"]}",
            "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\"]}",
            "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"delete\"]}");
        Authorizer.Uncovered(held, [PolicyRule.Resource(["get"], [""], ["*"])]).Should().HaveCount(1, "a wildcard is only covered by a wildcard");
    }

    [Theory]
    [InlineData("GET", "/api/v1/namespaces/a/pods", false, "list", "", "pods", "", "a", "")]
    [InlineData("GET", "/api/v1/namespaces/a/pods", true, "watch", "", "pods", "", "a", "")]
    [InlineData("GET", "/api/v1/namespaces/a/pods/web/log", false, "get", "", "pods", "log", "a", "web")]
    [InlineData("PUT", "/apis/apps/v1/namespaces/a/deployments/web/scale", false, "update", "apps", "deployments", "scale", "a", "web")]
    [InlineData("DELETE", "/api/v1/namespaces/a/configmaps", false, "deletecollection", "", "configmaps", "", "a", "")]
    [InlineData("POST", "/api/v1/namespaces", false, "create", "", "namespaces", "", "", "")]
    [InlineData("GET", "/api/v1/namespaces/a", false, "get", "", "namespaces", "", "a", "a")]
    [InlineData("PUT", "/api/v1/namespaces/a/status", false, "update", "", "namespaces", "status", "a", "a")]
    [InlineData("POST", "/api/v1/namespaces/a/serviceaccounts/sa/token", false, "create", "", "serviceaccounts", "token", "a", "sa")]
    [InlineData("GET", "/api/v1/nodes/n1", false, "get", "", "nodes", "", "", "n1")]
    public void Http_requests_map_to_verbs_and_resources(string method, string path, bool watch, string verb, string group, string resource, string subresource, string ns, string name)
    {
        var attributes = RequestInfo.Of(Learner, method, path, watch);

        attributes.Should().BeEquivalentTo(new { IsResourceRequest = true, Verb = verb, ApiGroup = group, Resource = resource, Subresource = subresource, Namespace = ns, Name = name });
    }

    [Theory]
    [InlineData("/version")]
    [InlineData("/apis/apps/v1")]
    [InlineData("/api")]
    [InlineData("/openapi/v3/api/v1")]
    public void Discovery_paths_are_not_resource_requests(string path)
    {
        var attributes = RequestInfo.Of(Learner, "GET", path, false);

        attributes.IsResourceRequest.Should().BeFalse();
        attributes.Path.Should().Be(path);
        attributes.Verb.Should().Be("get");
    }

    [Fact]
    public void Impersonating_needs_the_impersonate_verb_on_each_user_and_group()
    {
        var admin = UserInfo.Admin;
        var asAccount = Impersonation.Apply(admin, "system:serviceaccount:team-a:learner", [], _ => true);
        var asUserInGroup = Impersonation.Apply(admin, "jane", ["devs"], _ => true);
        var checkedAttributes = new List<RequestAttributes>();
        var refused = () => Impersonation.Apply(Learner, "jane", ["devs"], a => { checkedAttributes.Add(a); return a.Resource == "users"; });

        asAccount.Groups.Should().BeEquivalentTo("system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated");
        asUserInGroup.Groups.Should().BeEquivalentTo("devs", "system:authenticated");
        refused.Should().Throw<ApiError>().Which.Message.Should()
            .Be("groups \"devs\" is forbidden: User \"system:serviceaccount:team-a:learner\" cannot impersonate resource \"groups\" in API group \"\" at the cluster scope");
        checkedAttributes.Select(a => (a.Verb, a.Resource, a.Name)).Should().Equal(("impersonate", "users", "jane"), ("impersonate", "groups", "devs"));
    }

    [Fact]
    public void Default_roles_let_every_identity_discover_and_review_itself_and_admins_do_anything()
    {
        var store = new ObjectStore();
        DefaultRoles.Seed(store);
        using var index = new RbacIndex(store);
        var anyone = new UserInfo("jane", ["system:authenticated"]);

        Authorizer.Authorize(index.Policy, RequestAttributes.ForPath(anyone, "get", "/apis/apps/v1")).Allowed.Should().BeTrue();
        Authorizer.Authorize(index.Policy, Request(anyone, "create", "selfsubjectaccessreviews", group: "authorization.k8s.io")).Allowed.Should().BeTrue();
        Authorizer.Authorize(index.Policy, Request(anyone, "list", "pods", "default")).Allowed.Should().BeFalse();
        Authorizer.Authorize(index.Policy, Request(UserInfo.Admin, "escalate", "clusterroles", group: "rbac.authorization.k8s.io", name: "x")).Allowed.Should().BeTrue();
        Authorizer.Authorize(index.Policy, RequestAttributes.ForPath(UserInfo.Admin, "delete", "/anything")).Allowed.Should().BeTrue();
    }

    [Fact]
    public void The_index_follows_rbac_changes_in_the_store()
    {
        var store = new ObjectStore();
        using var index = new RbacIndex(store);
        var jane = new UserInfo("jane", ["system:authenticated"]);
        var request = Request(jane, "list", "pods", "default");
        Authorizer.Authorize(index.Policy, request).Allowed.Should().BeFalse();

        store.Create(ResourceTypes.ClusterRoleBinding, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "jane-view" },
            ["roleRef"] = new JsonObject { ["kind"] = "ClusterRole", ["name"] = "reader" },
            ["subjects"] = JsonNode.Parse("""[{"kind":"User","name":"jane"}]"""),
        });
        store.Create(ResourceTypes.ClusterRole, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "reader" },
            ["rules"] = JsonNode.Parse("""[{"apiGroups":[""],"resources":["pods"],"verbs":["list"]}]"""),
        });

        Authorizer.Authorize(index.Policy, request).Allowed.Should().BeTrue();
        var cached = index.Policy;
        index.Policy.Should().BeSameAs(cached, "nothing changed, so the policy is not rebuilt");
        store.Delete(new ObjectKey(ResourceTypes.ClusterRoleBinding, "", "jane-view"));
        Authorizer.Authorize(index.Policy, request).Allowed.Should().BeFalse();
    }
}
