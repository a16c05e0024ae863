using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Api.Admission;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// RBAC's escalation prevention: a Role or ClusterRole may only grant what its writer already holds (where it
/// applies) unless the writer may <c>escalate</c>; a binding may only point at a role whose rules the writer
/// holds unless the writer may <c>bind</c> it. So a learner with a namespaced Role cannot grant itself more.
/// </summary>
public sealed class EscalationRule(RbacIndex index) : IAdmissionRule
{
    private const string Rbac = "rbac.authorization.k8s.io";

    public bool AppliesTo(ResourceType type) => type.Group == Rbac;

    public void Default(JsonObject obj, JsonObject? old)
    {
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        if (RequestUser.Value is not { } user) return;
        // Clients may leave kind out of the body; the handler has put the namespace in for namespaced kinds.
        var ns = Text(obj["metadata"]?["namespace"]) ?? Text(old?["metadata"]?["namespace"]) ?? "";
        var kind = (obj["roleRef"] is not null, ns.Length > 0) switch
        {
            (true, true) => "RoleBinding",
            (true, false) => "ClusterRoleBinding",
            (false, true) => "Role",
            _ => "ClusterRole",
        };
        var name = Text(obj["metadata"]?["name"]) ?? "";
        var policy = index.Policy;
        bool May(string verb, string resource, string resourceName) =>
            Authorizer.Authorize(policy, new RequestAttributes(user, verb, true, Rbac, resource, "", ns, resourceName)).Allowed;

        IEnumerable<PolicyRule> wanted;
        if (kind is "Role" or "ClusterRole")
        {
            if (May("escalate", kind == "Role" ? "roles" : "clusterroles", name)) return;
            wanted = (obj["rules"] as JsonArray ?? []).Select(PolicyRule.From);
        }
        else
        {
            var roleKind = Text(obj["roleRef"]?["kind"]) ?? "";
            var roleName = Text(obj["roleRef"]?["name"]) ?? "";
            if (May("bind", roleKind == "Role" ? "roles" : "clusterroles", roleName)) return;
            wanted = policy.RoleRules(roleKind, roleName, ns)
                ?? throw Refused(kind, name, user, $"is attempting to bind {roleKind} \"{roleName}\", which does not exist");
        }

        var missing = Authorizer.Uncovered(Authorizer.RulesFor(policy, user, ns), wanted);
        if (missing.Count > 0)
            throw Refused(kind, name, user, "is attempting to grant RBAC permissions not currently held:\n" + string.Join("\n", missing));
    }

    private static ApiError Refused(string kind, string name, UserInfo user, string why)
    {
        var plural = kind.ToLowerInvariant() + "s";
        var groups = string.Join(" ", user.Groups.Select(g => $"\"{g}\""));
        return new ApiError(403, "Forbidden", $"{plural}.{Rbac} \"{name}\" is forbidden: user \"{user.Name}\" (groups=[{groups}]) {why}",
            StatusBody.Details(name, Rbac, plural));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
