using System.Text.Json.Nodes;

namespace Tutor.Core.Cluster;

/// <summary>
/// Asks the API server whether it is there (GET /version) and, given a namespace, whether the credentials
/// may read in it. Keeps a short timeout so a dead cluster is reported in seconds, not minutes.
/// </summary>
public static class ClusterProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static async Task<ProbeResult> ProbeAsync(ClusterConnection connection, string? @namespace = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            var version = await connection.GetJsonAsync("version", "read the server version", deadline.Token).ConfigureAwait(false);
            // /version is often open to anyone, so rights are proven by reading something in the namespace.
            if (@namespace is not null)
            {
                await connection.GetJsonAsync($"api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/configmaps?limit=1",
                    $"list configmaps in namespace {@namespace}", deadline.Token).ConfigureAwait(false);
            }

            return new ProbeResult(ProbeStatus.Reachable, $"{connection.Server} answers", VersionOf(version));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(ProbeStatus.Unreachable,
                $"cannot reach {connection.Server} (no answer within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s)", null);
        }
        catch (ClusterException e)
        {
            var status = e.Failure switch
            {
                ClusterFailure.Unauthorized => ProbeStatus.Unauthorized,
                ClusterFailure.Forbidden => ProbeStatus.Forbidden,
                ClusterFailure.Unreachable => ProbeStatus.Unreachable,
                // Anything else (a 404 or 500 for /version) means the thing at that URL is not a usable API server.
                _ => ProbeStatus.Unreachable,
            };
            return new ProbeResult(status, e.Message, null);
        }
    }

    private static string? VersionOf(JsonNode version) =>
        version["gitVersion"]?.GetValue<string>() is { } git ? git
        : version["major"] is not null ? $"{version["major"]}.{version["minor"]}" : null;
}
