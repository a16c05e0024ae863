using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// The ClusterRoles and ClusterRoleBindings a new cluster has: cluster-admin for system:masters, the
/// user-facing admin / edit / view roles to bind in a namespace, and discovery and self-review rights for
/// every authenticated identity. Rule sets are written out (real clusters aggregate them).
/// </summary>
public static class DefaultRoles
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];
    private static readonly string[] WriteVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private static readonly (string Group, string[] Resources)[] Workloads =
    [
        ("", ["pods", "pods/log", "pods/exec", "pods/attach", "pods/portforward", "services", "endpoints", "configmaps", "secrets", "serviceaccounts", "persistentvolumeclaims"]),
        ("apps", ["deployments", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale", "daemonsets"]),
        ("batch", ["jobs", "cronjobs"]),
        ("networking.k8s.io", ["ingresses", "networkpolicies"]),
        ("autoscaling", ["horizontalpodautoscalers"]),
        ("policy", ["poddisruptionbudgets"]),
    ];

    private static readonly string[] Discovery =
        ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/openapi", "/openapi/*", "/version", "/version/"];

    public static IEnumerable<(string Name, IReadOnlyList<PolicyRule> Rules)> ClusterRoles()
    {
        yield return ("cluster-admin", [PolicyRule.Resource(["*"], ["*"], ["*"]), PolicyRule.NonResource(["*"], ["*"])]);
        var edit = Edit().ToList();
        yield return ("admin",
        [
            .. edit,
            PolicyRule.Resource(WriteVerbs, ["rbac.authorization.k8s.io"], ["roles", "rolebindings"]),
            PolicyRule.Resource(["create"], ["authorization.k8s.io"], ["localsubjectaccessreviews"]),
        ]);
        yield return ("edit", edit);
        yield return ("view", View().ToList());
        yield return ("system:discovery", [PolicyRule.NonResource(["get"], Discovery)]);
        yield return ("system:basic-user",
        [
            PolicyRule.Resource(["create"], ["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
            PolicyRule.Resource(["create"], ["authentication.k8s.io"], ["selfsubjectreviews"]),
        ]);
    }

    /// <summary>Stores the default roles and their bindings into a fresh cluster.</summary>
    public static void Seed(ObjectStore store)
    {
        foreach (var (name, rules) in ClusterRoles())
        {
            store.Create(ResourceTypes.ClusterRole, new JsonObject
            {
                ["metadata"] = Metadata(name),
                ["rules"] = new JsonArray(rules.Select(r => (JsonNode)r.ToJson()).ToArray()),
            });
        }

        Bind(store, "cluster-admin", "system:masters");
        Bind(store, "system:discovery", "system:authenticated");
        Bind(store, "system:basic-user", "system:authenticated");
    }

    private static IEnumerable<PolicyRule> Edit()
    {
        foreach (var (group, resources) in Workloads) yield return PolicyRule.Resource(WriteVerbs, [group], resources);
        yield return PolicyRule.Resource(["create"], [""], ["serviceaccounts/token"]);
        yield return PolicyRule.Resource(ReadVerbs, [""], ["events", "namespaces", "resourcequotas", "limitranges", "pods/status"]);
    }

    private static IEnumerable<PolicyRule> View()
    {
        foreach (var (group, resources) in Workloads)
        {
            // Reading Secrets would hand out the credentials in them, so view does not.
            var readable = resources.Where(r => r is not ("secrets" or "pods/exec" or "pods/attach" or "pods/portforward")).ToArray();
            yield return PolicyRule.Resource(ReadVerbs, [group], readable);
        }

        yield return PolicyRule.Resource(ReadVerbs, [""], ["events", "namespaces", "resourcequotas", "limitranges", "pods/status"]);
    }

    private static void Bind(ObjectStore store, string role, string group) => store.Create(ResourceTypes.ClusterRoleBinding, new JsonObject
    {
        ["metadata"] = Metadata(role),
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
        ["subjects"] = new JsonArray(new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Group", ["name"] = group }),
    });

    private static JsonObject Metadata(string name) => new()
    {
        ["name"] = name,
        ["labels"] = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" },
    };
}
