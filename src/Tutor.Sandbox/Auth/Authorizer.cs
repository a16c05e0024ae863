namespace Tutor.Sandbox.Auth;

/// <summary>
/// The RBAC authorizer: allowed when some rule granted to the user (through a ClusterRoleBinding anywhere, or a
/// RoleBinding in the request's namespace) matches the request. There are no deny rules.
/// </summary>
public static class Authorizer
{
    public static AuthorizationDecision Authorize(RbacPolicy policy, RequestAttributes request)
    {
        var scopes = request.IsResourceRequest && request.Namespace.Length > 0 ? new[] { "", request.Namespace } : [""];
        foreach (var scope in scopes)
        {
            foreach (var binding in policy.BindingsFor(request.User, scope))
            {
                if (policy.RulesOf(binding) is not { } rules || !rules.Any(r => r.Allows(request))) continue;
                var subject = binding.Subjects.First(s => s.Key is { } k && (k == RbacSubject.UserKey(request.User.Name) || request.User.Groups.Any(g => k == RbacSubject.GroupKey(g))));
                return new AuthorizationDecision(true, $"RBAC: allowed by {binding.Describe()} of {binding.RoleKind} \"{binding.RoleName}\" to {subject}");
            }
        }

        return AuthorizationDecision.Deny;
    }

    /// <summary>Every rule the user holds in <paramref name="ns"/> (cluster-wide ones included); ns empty gives the cluster-wide rules only.</summary>
    public static IReadOnlyList<PolicyRule> RulesFor(RbacPolicy policy, UserInfo user, string ns)
    {
        var rules = new List<PolicyRule>();
        foreach (var scope in ns.Length > 0 ? new[] { "", ns } : [""])
            foreach (var binding in policy.BindingsFor(user, scope))
                if (policy.RulesOf(binding) is { } granted) rules.AddRange(granted);
        return rules;
    }

    /// <summary>
    /// Whether <paramref name="held"/> covers every permission in <paramref name="wanted"/>: each wanted rule is
    /// broken into single verb/group/resource/name grants, and each must be matched by one held rule, where a
    /// wildcard wanted is only covered by a wildcard held.
    /// </summary>
    public static IReadOnlyList<PolicyRule> Uncovered(IReadOnlyList<PolicyRule> held, IEnumerable<PolicyRule> wanted)
    {
        var missing = new List<PolicyRule>();
        foreach (var rule in wanted)
        {
            foreach (var verb in rule.Verbs)
            {
                if (rule.NonResourceUrls.Count > 0 && rule.Resources.Count == 0)
                {
                    foreach (var url in rule.NonResourceUrls)
                        if (!held.Any(h => h.VerbMatches(verb) && h.UrlMatches(url))) missing.Add(PolicyRule.NonResource([verb], [url]));
                    continue;
                }

                foreach (var group in rule.ApiGroups)
                foreach (var resource in rule.Resources)
                {
                    var (plain, sub) = resource.IndexOf('/') is var slash and >= 0 ? (resource[..slash], resource[(slash + 1)..]) : (resource, "");
                    var names = rule.ResourceNames.Count > 0 ? rule.ResourceNames.Select(n => (string?)n) : [null];
                    foreach (var name in names)
                    {
                        var covered = held.Any(h => h.VerbMatches(verb) && h.GroupMatches(group) && h.ResourceMatches(plain, sub)
                            && (h.ResourceNames.Count == 0 || (name is not null && h.ResourceNames.Contains(name))));
                        if (!covered) missing.Add(PolicyRule.Resource([verb], [group], [resource], name is null ? null : [name]));
                    }
                }
            }
        }

        return missing;
    }
}
