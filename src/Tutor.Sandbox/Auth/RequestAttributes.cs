namespace Tutor.Sandbox.Auth;

/// <summary>
/// What a request asks to do, in the terms RBAC rules speak: a verb on a resource (group, resource,
/// subresource, namespace, name), or a verb on a non-resource path such as <c>/version</c>.
/// </summary>
public sealed record RequestAttributes(
    UserInfo User,
    string Verb,
    bool IsResourceRequest,
    string ApiGroup = "",
    string Resource = "",
    string Subresource = "",
    string Namespace = "",
    string Name = "",
    string Path = "")
{
    /// <summary><c>pods</c> or <c>pods/log</c>: what a rule's resources list is compared with.</summary>
    public string CombinedResource => Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";

    public static RequestAttributes ForPath(UserInfo user, string verb, string path) => new(user, verb, false, Path: path);
}
