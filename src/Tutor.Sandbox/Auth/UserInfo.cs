namespace Tutor.Sandbox.Auth;

/// <summary>Who a request comes from, as the authenticator established it (or an impersonation replaced it).</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups, string? Uid = null)
{
    public const string AdminName = "sandbox-admin";
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    public static UserInfo Admin { get; } = new(AdminName, ["system:masters", "system:authenticated"]);

    public static UserInfo ForServiceAccount(string ns, string name, string? uid = null) =>
        new($"{ServiceAccountPrefix}{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"], uid);

    /// <summary>The namespace and name of a ServiceAccount user name, or null when the name is not one.</summary>
    public static (string Namespace, string Name)? ServiceAccountOf(string userName)
    {
        if (!userName.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal)) return null;
        var parts = userName[ServiceAccountPrefix.Length..].Split(':');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
    }

    public override string ToString() => Name;
}
