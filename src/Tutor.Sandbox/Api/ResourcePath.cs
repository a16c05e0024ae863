using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// A request path that names resources: a collection (<see cref="Name"/> null) or one object, optionally a
/// subresource of it. <see cref="Namespace"/> is null for cluster-wide collections and cluster-scoped objects.
/// </summary>
public sealed record ResourcePath(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    public bool IsCollection => Name is null;

    /// <summary>
    /// Parses <c>/api/v1/…</c> and <c>/apis/{group}/{version}/…</c>. Returns null for paths that are not
    /// resource paths at all (discovery and the like); throws <see cref="ApiError"/> 404 for an unknown resource.
    /// </summary>
    public static ResourcePath? Parse(string path)
    {
        var parts = path.Trim('/').Split('/');
        string group, version;
        int rest;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        var segments = parts[rest..].Select(Uri.UnescapeDataString).ToArray();
        if (segments.Any(s => s.Length == 0)) throw NotFound(path);

        // namespaces/{ns}/{plural}[/{name}[/{sub}]] — but namespaces/{name}[/{sub}] is the Namespace object itself.
        if (segments[0] == "namespaces" && segments.Length >= 3)
        {
            var type = Find(group, version, segments[2], path);
            if (!type.Namespaced) throw NotFound(path);
            return segments.Length switch
            {
                3 => new ResourcePath(type, segments[1], null, null),
                4 => new ResourcePath(type, segments[1], segments[3], null),
                5 => new ResourcePath(type, segments[1], segments[3], segments[4]),
                _ => throw NotFound(path),
            };
        }

        var plainType = Find(group, version, segments[0], path);
        return segments.Length switch
        {
            1 => new ResourcePath(plainType, null, null, null),
            2 when !plainType.Namespaced => new ResourcePath(plainType, null, segments[1], null),
            3 when !plainType.Namespaced => new ResourcePath(plainType, null, segments[1], segments[2]),
            _ => throw NotFound(path),
        };
    }

    private static ResourceType Find(string group, string version, string plural, string path) =>
        ResourceTypes.Find(group, version, plural)
        ?? throw ApiError.NotFound($"the server could not find the requested resource ({plural}{(group.Length > 0 ? "." + group : "")})");

    private static ApiError NotFound(string path) => ApiError.NotFound($"the server could not find the requested resource (path {path})");
}
