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
