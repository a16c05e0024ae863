using Tutor.Sandbox.Api;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// <c>Impersonate-User</c> / <c>Impersonate-Group</c> (kubectl <c>--as</c>, <c>--as-group</c>): the request runs as
/// someone else, provided the caller may <c>impersonate</c> that user (or ServiceAccount) and each group.
/// </summary>
public static class Impersonation
{
    public static UserInfo Apply(UserInfo caller, string? asUser, IReadOnlyList<string> asGroups, Func<RequestAttributes, bool> allowed)
    {
        if (string.IsNullOrEmpty(asUser))
        {
            if (asGroups.Count > 0) throw ApiError.BadRequest("requested [Impersonate-Group] without impersonating a user");
            return caller;
        }

        var account = UserInfo.ServiceAccountOf(asUser);
        var target = account is { } sa
            ? new RequestAttributes(caller, "impersonate", true, "", "serviceaccounts", "", sa.Namespace, sa.Name)
            : new RequestAttributes(caller, "impersonate", true, "", "users", "", "", asUser);
        var checks = asGroups.Select(g => new RequestAttributes(caller, "impersonate", true, "", "groups", "", "", g)).Prepend(target);
        foreach (var check in checks)
            if (!allowed(check)) throw ForbiddenMessage.For(check);

        var groups = new List<string>(asGroups);
        if (account is { } owner && asGroups.Count == 0)
            groups.AddRange(["system:serviceaccounts", $"system:serviceaccounts:{owner.Namespace}"]);
        if (asUser != "system:anonymous" && !groups.Contains("system:authenticated")) groups.Add("system:authenticated");
        return new UserInfo(asUser, groups);
    }
}
