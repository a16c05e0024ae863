using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>
/// Why a ServiceAccount was refused something it should be allowed, read from the namespace's RoleBindings and
/// Roles as an instructor would read them: no binding names it, the binding's Role is missing, or no rule of the
/// Role covers the verb, resource or name. Cluster-wide grants are not read; a denial never comes from them.
/// </summary>
public static class RbacDiagnosis
{
    public static string? ExplainDenial(AccessQuestion question, string learnerNamespace, IReadOnlyList<JsonObject> roles, IReadOnlyList<JsonObject> bindings)
    {
        if (question.Subject.Kind != AccessSubjectKind.ServiceAccount || question.NamespaceIn(learnerNamespace) != learnerNamespace)
            return null;
        var account = question.Subject.Name;
        var binding = bindings.FirstOrDefault(b => Names(b, account, learnerNamespace));
        if (binding is null)
        {
            var loose = bindings.FirstOrDefault(b => Subjects(b).Any(s => JsonText.Str(s["name"]) == account));
            return loose is null
                ? $"no RoleBinding in namespace {learnerNamespace} names ServiceAccount {account} among its subjects"
                : $"RoleBinding {NameOf(loose)} names {account}, but not as `kind: ServiceAccount` (kinds are case-sensitive; a User called {account} is someone else)";
        }

        var roleKind = JsonText.Str(JsonText.Get(binding, "roleRef", "kind"));
        var roleName = JsonText.Str(JsonText.Get(binding, "roleRef", "name")) ?? "";
        if (roleKind != "Role")
            return null;
        var role = roles.FirstOrDefault(r => NameOf(r) == roleName);
        if (role is null)
            return $"RoleBinding {NameOf(binding)} refers to Role {roleName}, which does not exist in namespace {learnerNamespace}";

        var rules = (JsonText.Get(role, "rules") as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var resource = question.Subresource is null ? question.Resource : $"{question.Resource}/{question.Subresource}";
        var forResource = rules.Where(r => Has(r, "apiGroups", question.Group) && Has(r, "resources", resource)).ToList();
        if (forResource.Count == 0)
            return $"Role {roleName} has no rule for {resource} in apiGroup \"{question.Group}\"{(question.Group.Length == 0 ? " (the core group is written \"\")" : "")}";
        var withVerb = forResource.Where(r => Has(r, "verbs", question.Verb)).ToList();
        if (withVerb.Count == 0)
            return $"Role {roleName}'s rules for {resource} do not list the verb {question.Verb}";
        if (question.Name is { } name && withVerb.All(r => Strings(r, "resourceNames") is { Count: > 0 } names && !names.Contains(name)))
            return $"Role {roleName}'s rules for {resource} name other objects in resourceNames, not {name}";
        if (question.Name is null && withVerb.All(r => Strings(r, "resourceNames").Count > 0))
            return $"Role {roleName}'s rules for {resource} are limited by resourceNames, which never cover a request without a name ({question.Verb})";
        return null;
    }

    private static bool Names(JsonObject binding, string account, string learnerNamespace) =>
        Subjects(binding).Any(s => JsonText.Str(s["kind"]) == "ServiceAccount" && JsonText.Str(s["name"]) == account
            && (JsonText.Str(s["namespace"]) ?? learnerNamespace) == learnerNamespace);

    private static IEnumerable<JsonObject> Subjects(JsonObject binding) => (binding["subjects"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static bool Has(JsonObject rule, string field, string value) => Strings(rule, field) is var values && (values.Contains("*") || values.Contains(value));

    private static List<string> Strings(JsonObject rule, string field) =>
        (rule[field] as JsonArray)?.Select(JsonText.Str).OfType<string>().ToList() ?? [];

    private static string NameOf(JsonObject obj) => JsonText.Str(JsonText.Get(obj, "metadata", "name")) ?? "";
}
