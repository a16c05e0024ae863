using Microsoft.AspNetCore.Http;
using Tutor.Sandbox.Auth;

namespace Tutor.Sandbox.Api;

/// <summary>
/// Who a request is and whether it may go ahead: authentication from the bearer token, impersonation from
/// the <c>Impersonate-*</c> headers, then RBAC on the request's attributes. Denials are thrown as the API's 401 / 403.
/// </summary>
public sealed class AccessControl(Authenticator authenticator, RbacIndex rbac)
{
    public RbacIndex Rbac => rbac;

    /// <summary>The attributes of an allowed request (the effective user inside); throws when it is not allowed.</summary>
    public RequestAttributes Admit(HttpRequest request)
    {
        var caller = authenticator.Authenticate(request.Headers.Authorization.ToString())
            ?? throw new ApiError(401, "Unauthorized", "Unauthorized");
        var user = Impersonation.Apply(caller, request.Headers["Impersonate-User"].ToString(),
            request.Headers["Impersonate-Group"].Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).ToList(),
            check => Authorizer.Authorize(rbac.Policy, check).Allowed);
        var watch = request.Query["watch"].ToString() is "true" or "1" or "True";
        var attributes = RequestInfo.Of(user, request.Method, request.Path.Value ?? "/", watch);
        if (!Authorizer.Authorize(rbac.Policy, attributes).Allowed) throw ForbiddenMessage.For(attributes);
        return attributes;
    }
}
