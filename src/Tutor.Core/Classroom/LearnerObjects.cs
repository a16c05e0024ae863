using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// The objects provision keeps for one learner, in the order they are applied: the namespace, then the
/// ServiceAccount, Role, RoleBinding, ResourceQuota, LimitRange and the classroom ConfigMap inside it. Each carries
/// the classroom, learner and managed-by labels, so teardown and reset can tell them from anything else.
/// </summary>
public static class LearnerObjects
{
    public static readonly ApiResource Namespaces = Core("Namespace", "namespaces", false);
    public static readonly ApiResource ServiceAccounts = Core("ServiceAccount", "serviceaccounts", true);
    public static readonly ApiResource ResourceQuotas = Core("ResourceQuota", "resourcequotas", true);
    public static readonly ApiResource LimitRanges = Core("LimitRange", "limitranges", true);
    public static readonly ApiResource ConfigMaps = Core("ConfigMap", "configmaps", true);
    public static readonly ApiResource Roles = new(new ResourceKind("rbac.authorization.k8s.io/v1", "Role"), "roles", true, []);
    public static readonly ApiResource RoleBindings = new(new ResourceKind("rbac.authorization.k8s.io/v1", "RoleBinding"), "rolebindings", true, []);

    /// <summary>The field manager of provision's server-side applies, apart from the learner's own "tutor".</summary>
    public const string FieldManager = "tutor-classroom";

    public static IReadOnlyList<PlannedObject> For(string classroom, string learner, IReadOnlyList<AccessRule> rules)
    {
        var ns = ClassroomNames.LearnerNamespace(classroom, learner);
        var name = ClassroomNames.LearnerObjectName;
        PlannedObject Inside(ApiResource resource, string objectName, JsonObject fields) =>
            new(null, resource, objectName, ns, Body(resource, objectName, ns, classroom, learner, fields));

        return
        [
            new PlannedObject(null, Namespaces, ns, null, WithPodSecurity(Body(Namespaces, ns, null, classroom, learner, []))),
            Inside(ServiceAccounts, name, []),
            Inside(Roles, name, new JsonObject { ["rules"] = new JsonArray(rules.Select(r => (JsonNode)r.ToJson()).ToArray()) }),
            Inside(RoleBindings, name, new JsonObject
            {
                ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = name },
                ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = name, ["namespace"] = ns }),
            }),
            Inside(ResourceQuotas, name, new JsonObject { ["spec"] = new JsonObject { ["hard"] = ClassroomQuota.Hard() } }),
            Inside(LimitRanges, name, new JsonObject { ["spec"] = new JsonObject { ["limits"] = ClassroomQuota.Limits() } }),
            // Only the classroom's name: the pace (unlockTo) belongs to `classroom pace`, and a re-provision must not undo it.
            Inside(ConfigMaps, ClassroomNames.ClassroomConfigMap, new JsonObject { ["data"] = new JsonObject { [ClassroomNames.ClassroomKey] = classroom } }),
        ];
    }

    /// <summary>
    /// Pod Security admission at the baseline level: a Role ends at the namespace, but a privileged Pod or a
    /// hostPath mount would reach the node and every learner on it. The lessons need nothing baseline forbids,
    /// and the learner, who may only read their namespace, cannot lift it.
    /// </summary>
    public const string PodSecurityLabel = "pod-security.kubernetes.io/enforce";

    public const string PodSecurityLevel = "baseline";

    private static JsonObject WithPodSecurity(JsonObject ns)
    {
        ns["metadata"]!["labels"]![PodSecurityLabel] = PodSecurityLevel;
        return ns;
    }

    public static JsonObject Labels(string classroom, string learner) => new()
    {
        [ClassroomNames.ClassroomLabel] = classroom,
        [ClassroomNames.LearnerLabel] = learner,
        [TutorLabels.ManagedBy] = TutorLabels.ManagedByValue,
    };

    private static JsonObject Body(ApiResource resource, string name, string? ns, string classroom, string learner, JsonObject fields)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        metadata["labels"] = Labels(classroom, learner);
        var body = new JsonObject { ["apiVersion"] = resource.Kind.ApiVersion, ["kind"] = resource.Kind.Kind, ["metadata"] = metadata };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            body[key] = value;
        }

        return body;
    }

    private static ApiResource Core(string kind, string plural, bool namespaced) => new(new ResourceKind("v1", kind), plural, namespaced, []);
}
