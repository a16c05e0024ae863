namespace Tutor.Core.Checks;

/// <summary>
/// The resource names a <c>canI</c> check may write without a group (<c>secrets</c>, <c>deployments</c>), with the
/// group each belongs to, derived from the kinds lessons use; and the verbs the RBAC authorizer knows.
/// </summary>
public static class AccessResources
{
    public static readonly IReadOnlyList<string> Verbs =
        ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "impersonate", "bind", "escalate", "use", "approve", "sign", "proxy", "*"];

    /// <summary>Plural resource name → API group ("" for the core group).</summary>
    public static readonly IReadOnlyDictionary<string, string> GroupOf = WellKnownKinds.ApiVersionOf
        .ToDictionary(p => PluralOf(p.Key), p => new ResourceKind(p.Value, p.Key).Group);

    /// <summary>How the API names a kind's resource: lower case, plural (NetworkPolicy → networkpolicies).</summary>
    public static string PluralOf(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower == "endpoints" ? lower
            : lower.EndsWith('s') ? lower + "es"
            : lower.EndsWith('y') && !lower.EndsWith("ey") ? lower[..^1] + "ies"
            : lower + "s";
    }
}
