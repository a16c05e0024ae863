namespace Tutor.Sandbox.Auth;

/// <summary>One subject of a binding: a User, a Group, or a ServiceAccount (which stands for its user name).</summary>
public sealed record RbacSubject(string Kind, string Name, string Namespace = "")
{
    /// <summary>The key a user or group is looked up by: ServiceAccounts turn into their user name.</summary>
    public string? Key => Kind switch
    {
        "User" => UserKey(Name),
        "Group" => GroupKey(Name),
        "ServiceAccount" when Namespace.Length > 0 => UserKey($"{UserInfo.ServiceAccountPrefix}{Namespace}:{Name}"),
        _ => null,
    };

    public static string UserKey(string name) => "User:" + name;

    public static string GroupKey(string name) => "Group:" + name;

    public override string ToString() => Kind == "ServiceAccount" ? $"ServiceAccount \"{Namespace}/{Name}\"" : $"{Kind} \"{Name}\"";
}
