namespace Tutor.Core.Cluster;

/// <summary>Relative URLs of the Kubernetes REST API (relative so a server URL with a path prefix keeps it).</summary>
public static class ApiPaths
{
    public static string GroupVersion(string apiVersion) =>
        apiVersion.Contains('/') ? $"apis/{apiVersion}" : $"api/{apiVersion}";

    /// <param name="namespace">Null for a cluster-wide list (also of namespaced kinds).</param>
    public static string Collection(ApiResource resource, string? @namespace)
    {
        var root = GroupVersion(resource.Kind.ApiVersion);
        return resource.Namespaced && @namespace is not null
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{resource.Plural}"
            : $"{root}/{resource.Plural}";
    }

    public static string Item(ApiResource resource, string? @namespace, string name) =>
        $"{Collection(resource, @namespace)}/{Uri.EscapeDataString(name)}";

    public static string WithQuery(string path, params (string Key, string? Value)[] query)
    {
        var parts = query.Where(q => q.Value is not null).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
