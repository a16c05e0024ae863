using Tutor.Core.Checks;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Classroom;

public class LearnerAccessTests
{
    private static ApiResource R(string apiVersion, string kind, string plural, bool namespaced = true) => new(new ResourceKind(apiVersion, kind), plural, namespaced, []);

    private static readonly IReadOnlyList<AccessRule> Rules = LearnerAccess.Rules(
        [R("apps/v1", "Deployment", "deployments"), R("v1", "Secret", "secrets"), R("v1", "Node", "nodes", namespaced: false)],
        [R("v1", "Pod", "pods"), R("rbac.authorization.k8s.io/v1", "Role", "roles"), R("storage.k8s.io/v1", "StorageClass", "storageclasses", namespaced: false)]);

    private static IReadOnlyList<string> VerbsOn(string group, string resource) =>
        Rules.Where(r => r.Group == group && r.Resources.Contains(resource)).SelectMany(r => r.Verbs).ToList();

    [Fact]
    public void Kinds_the_lessons_write_get_every_verb_and_kinds_they_read_only_reading()
    {
        VerbsOn("apps", "deployments").Should().BeEquivalentTo(LearnerAccess.WriteVerbs);
        VerbsOn("", "secrets").Should().BeEquivalentTo(LearnerAccess.WriteVerbs);
        VerbsOn("", "configmaps").Should().BeEquivalentTo(LearnerAccess.WriteVerbs, "the learner's Tutor publishes its progress in a ConfigMap");
        VerbsOn("rbac.authorization.k8s.io", "roles").Should().BeEquivalentTo(LearnerAccess.ReadVerbs);
        VerbsOn("", "events").Should().BeEquivalentTo(LearnerAccess.ReadVerbs);
        VerbsOn("", "pods/log").Should().Equal("get");
        VerbsOn("apps", "deployments/scale").Should().BeEquivalentTo("get", "patch", "update");
    }

    [Fact]
    public void Nothing_cluster_scoped_is_granted_and_no_verb_that_widens_rights()
    {
        var resources = Rules.SelectMany(r => r.Resources).ToList();
        resources.Should().NotContain(["nodes", "storageclasses", "clusterroles", "clusterrolebindings", "persistentvolumes", "serviceaccounts/token", "*"]);
        VerbsOn("", "namespaces").Should().Equal(["get"], "a Role's namespaces rule matches only its own namespace");
        Rules.SelectMany(r => r.Verbs).Should().NotContain(["escalate", "bind", "impersonate", "*"]);
        Rules.Select(r => (r.Group, string.Join(',', r.Verbs))).Should().OnlyHaveUniqueItems("resources with the same verbs share one rule");
    }
}
