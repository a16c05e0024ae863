using System.Collections.Concurrent;
using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>
/// Discovery: which kinds the cluster serves, their plurals and scope. Each group-version document is fetched
/// once per connection (kubectl caches discovery too); a kind is resolved by asking only its own group-version.
/// </summary>
public sealed class ApiResourceCatalog
{
    private readonly ClusterConnection _connection;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ApiResource>>>> _groupVersions = new();

    internal ApiResourceCatalog(ClusterConnection connection) => _connection = connection;

    /// <summary>The served resource for a kind, or null when the cluster does not serve it.</summary>
    public async Task<ApiResource?> TryResolveAsync(ResourceKind kind, CancellationToken cancellationToken = default)
    {
        var resources = await GroupVersionAsync(kind.ApiVersion, cancellationToken).ConfigureAwait(false);
        return resources.FirstOrDefault(r => r.Kind.Kind == kind.Kind)
               ?? resources.FirstOrDefault(r => string.Equals(r.Kind.Kind, kind.Kind, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The served resource for a kind; throws a <see cref="ClusterFailure.NotServed"/> error naming it otherwise.</summary>
    public async Task<ApiResource> ResolveAsync(ResourceKind kind, CancellationToken cancellationToken = default) =>
        await TryResolveAsync(kind, cancellationToken).ConfigureAwait(false)
        ?? throw new ClusterException(ClusterFailure.NotServed, NotServedMessage(kind));

    public static string NotServedMessage(ResourceKind kind) => $"the cluster does not serve {kind.ApiVersion} {kind.Kind}";

    /// <summary>
    /// Words why a kind is not served, naming the versions of its group that do serve it when there are any
    /// ("the cluster does not serve apps/v2 Deployment; it serves apps/v1 Deployment").
    /// </summary>
    public async Task<string> ExplainNotServedAsync(ResourceKind kind, CancellationToken cancellationToken = default)
    {
        var message = NotServedMessage(kind);
        try
        {
            var versions = new List<string>();
            if (kind.Group.Length == 0)
            {
                var core = await _connection.GetJsonAsync("api", "discover the core API versions", cancellationToken).ConfigureAwait(false);
                versions.AddRange((core["versions"] as System.Text.Json.Nodes.JsonArray ?? []).Select(v => v?.GetValue<string>()).OfType<string>());
            }
            else
            {
                var groups = await _connection.GetJsonAsync("apis", "discover the API groups", cancellationToken).ConfigureAwait(false);
                var group = (groups["groups"] as System.Text.Json.Nodes.JsonArray ?? []).FirstOrDefault(g => g?["name"]?.GetValue<string>() == kind.Group);
                versions.AddRange((group?["versions"] as System.Text.Json.Nodes.JsonArray ?? [])
                    .Select(v => v?["groupVersion"]?.GetValue<string>()).OfType<string>());
            }

            var serving = new List<string>();
            foreach (var version in versions.Where(v => v != kind.ApiVersion))
            {
                if (await TryResolveAsync(kind with { ApiVersion = version }, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    serving.Add($"{found.Kind.ApiVersion} {found.Kind.Kind}");
                }
            }

            return serving.Count == 0 ? message : $"{message}; it serves {string.Join(", ", serving)}";
        }
        catch (ClusterException)
        {
            // The hint is a courtesy; the plain message is still true.
            return message;
        }
    }

    /// <summary>Forgets what was discovered (after installing a CRD, say).</summary>
    public void Invalidate() => _groupVersions.Clear();

    private async Task<IReadOnlyList<ApiResource>> GroupVersionAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var lazy = _groupVersions.GetOrAdd(apiVersion, v => new Lazy<Task<IReadOnlyList<ApiResource>>>(() => FetchAsync(v)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterException e) when (e.Failure != ClusterFailure.NotFound)
        {
            // A failed fetch (cluster unreachable, say) must not be remembered as the answer.
            _groupVersions.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyList<ApiResource>>>>(apiVersion, lazy));
            throw;
        }
    }

    private async Task<IReadOnlyList<ApiResource>> FetchAsync(string apiVersion)
    {
        try
        {
            var document = await _connection.GetJsonAsync(ApiPaths.GroupVersion(apiVersion), $"discover the API group-version {apiVersion}", CancellationToken.None)
                .ConfigureAwait(false);
            return ApiResourceListParser.Parse(apiVersion, document);
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.NotFound)
        {
            // The group-version does not exist at all: remembered as "serves nothing".
            return [];
        }
    }
}
