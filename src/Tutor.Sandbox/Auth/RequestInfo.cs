namespace Tutor.Sandbox.Auth;

/// <summary>Reads the RBAC attributes of an HTTP request from its method and path, as the API server's request-info resolver does.</summary>
public static class RequestInfo
{
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    public static RequestAttributes Of(UserInfo user, string method, string path, bool watch)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string group;
        string[] rest;
        if (parts.Length >= 3 && parts[0] == "api") (group, rest) = ("", parts[2..]);
        else if (parts.Length >= 4 && parts[0] == "apis") (group, rest) = (parts[1], parts[3..]);
        else return RequestAttributes.ForPath(user, NonResourceVerb(method), "/" + string.Join('/', parts));

        var ns = "";
        if (rest[0] == "namespaces" && rest.Length >= 2)
        {
            ns = rest[1];
            // namespaces/{name}[/status] is the Namespace itself; namespaces/{ns}/{resource}… is inside it.
            rest = rest.Length >= 3 && !NamespaceSubresources.Contains(rest[2]) ? rest[2..] : ["namespaces", .. rest[1..]];
        }

        var resource = rest[0];
        var name = rest.Length >= 2 ? rest[1] : "";
        var subresource = rest.Length >= 3 ? rest[2] : "";
        var verb = method switch
        {
            "GET" or "HEAD" when watch => "watch",
            "GET" or "HEAD" => name.Length == 0 ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name.Length == 0 ? "deletecollection" : "delete",
            _ => method.ToLowerInvariant(),
        };
        return new RequestAttributes(user, verb, true, group, resource, subresource, ns, name, "/" + string.Join('/', parts));
    }

    private static string NonResourceVerb(string method) => method switch
    {
        "GET" or "HEAD" => "get",
        "POST" => "post",
        "PUT" => "put",
        "PATCH" => "patch",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}
