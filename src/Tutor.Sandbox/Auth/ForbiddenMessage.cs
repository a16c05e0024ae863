using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;

namespace Tutor.Sandbox.Auth;

/// <summary>The 403 a denied request gets, worded as the Kubernetes API server words it.</summary>
public static class ForbiddenMessage
{
    public static ApiError For(RequestAttributes request)
    {
        var user = $"User \"{request.User.Name}\"";
        if (!request.IsResourceRequest)
            return new ApiError(403, "Forbidden", $"forbidden: {user} cannot {request.Verb} path \"{request.Path}\"", new JsonObject());

        var what = request.Resource + (request.ApiGroup.Length > 0 ? "." + request.ApiGroup : "");
        var subject = request.Name.Length > 0 ? $"{what} \"{request.Name}\"" : what;
        var scope = request.Namespace.Length > 0 ? $"in the namespace \"{request.Namespace}\"" : "at the cluster scope";
        var message = $"{subject} is forbidden: {user} cannot {request.Verb} resource \"{request.CombinedResource}\" in API group \"{request.ApiGroup}\" {scope}";
        return new ApiError(403, "Forbidden", message, StatusBody.Details(request.Name, request.ApiGroup, request.Resource));
    }
}
