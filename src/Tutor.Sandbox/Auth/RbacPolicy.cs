using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// An immutable view of every Role, ClusterRole and binding, indexed by subject so that deciding a request
/// looks only at the bindings naming the user or one of its groups.
/// </summary>
public sealed class RbacPolicy
{
    private readonly Dictionary<string, IReadOnlyList<PolicyRule>> _clusterRoles;
    private readonly Dictionary<(string Namespace, string Name), IReadOnlyList<PolicyRule>> _roles;
    private readonly Dictionary<string, List<RbacBinding>> _bySubject = new(StringComparer.Ordinal);

    public RbacPolicy(
        IReadOnlyDictionary<string, IReadOnlyList<PolicyRule>> clusterRoles,
        IReadOnlyDictionary<(string Namespace, string Name), IReadOnlyList<PolicyRule>> roles,
        IEnumerable<RbacBinding> bindings)
    {
        _clusterRoles = new(clusterRoles, StringComparer.Ordinal);
        _roles = new(roles);
        foreach (var binding in bindings)
        {
            foreach (var key in binding.Subjects.Select(s => s.Key).OfType<string>().Distinct())
            {
                if (!_bySubject.TryGetValue(key, out var list)) _bySubject[key] = list = [];
                list.Add(binding);
            }
        }
    }

    public static RbacPolicy Empty { get; } = new(new Dictionary<string, IReadOnlyList<PolicyRule>>(), new Dictionary<(string, string), IReadOnlyList<PolicyRule>>(), []);

    /// <summary>Builds the policy from stored objects (as the API returns them).</summary>
    public static RbacPolicy From(IEnumerable<JsonObject> clusterRoles, IEnumerable<JsonObject> roles, IEnumerable<JsonObject> clusterRoleBindings, IEnumerable<JsonObject> roleBindings) => new(
        clusterRoles.ToDictionary(o => NameOf(o), o => Rules(o)),
        roles.ToDictionary(o => (NamespaceOf(o), NameOf(o)), o => Rules(o)),
        clusterRoleBindings.Select(Binding).Concat(roleBindings.Select(Binding)));

    /// <summary>The bindings that name <paramref name="user"/> directly, through a group, or as its ServiceAccount, in <paramref name="ns"/> or cluster-wide (ns empty).</summary>
    public IEnumerable<RbacBinding> BindingsFor(UserInfo user, string ns)
    {
        var seen = new HashSet<RbacBinding>(ReferenceEqualityComparer.Instance);
        foreach (var key in user.Groups.Select(RbacSubject.GroupKey).Prepend(RbacSubject.UserKey(user.Name)))
        {
            if (!_bySubject.TryGetValue(key, out var bindings)) continue;
            foreach (var binding in bindings)
                if (binding.Namespace == ns && seen.Add(binding)) yield return binding;
        }
    }

    /// <summary>The rules a binding grants; a RoleBinding may grant a ClusterRole's rules, within its namespace only.</summary>
    public IReadOnlyList<PolicyRule>? RulesOf(RbacBinding binding) => RoleRules(binding.RoleKind, binding.RoleName, binding.Namespace);

    public IReadOnlyList<PolicyRule>? RoleRules(string roleKind, string roleName, string ns) => roleKind switch
    {
        "ClusterRole" => _clusterRoles.GetValueOrDefault(roleName),
        "Role" when ns.Length > 0 => _roles.GetValueOrDefault((ns, roleName)),
        _ => null,
    };

    private static RbacBinding Binding(JsonObject o)
    {
        var ns = NamespaceOf(o);
        var subjects = (o["subjects"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => new RbacSubject(Text(s["kind"]) ?? "", Text(s["name"]) ?? "", Text(s["namespace"]) ?? (Text(s["kind"]) == "ServiceAccount" ? ns : "")))
            .ToList();
        return new RbacBinding(ns, NameOf(o), Text(o["roleRef"]?["kind"]) ?? "", Text(o["roleRef"]?["name"]) ?? "", subjects);
    }

    private static IReadOnlyList<PolicyRule> Rules(JsonObject o) => (o["rules"] as JsonArray ?? []).Select(PolicyRule.From).ToList();

    private static string NameOf(JsonObject o) => Text(o["metadata"]?["name"]) ?? "";

    private static string NamespaceOf(JsonObject o) => Text(o["metadata"]?["namespace"]) ?? "";

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
