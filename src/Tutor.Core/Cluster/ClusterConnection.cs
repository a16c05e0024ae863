using System.Net;
using System.Text.Json.Nodes;
using k8s;

namespace Tutor.Core.Cluster;

/// <summary>
/// One connection to one cluster: the KubernetesClient, the discovery cache, and raw JSON requests that go
/// through the same HttpClient, TLS handler and credentials as the typed client (so tokens, client
/// certificates and exec plugins behave identically).
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private readonly Kubernetes _client;

    public ClusterConnection(KubernetesClientConfiguration configuration)
    {
        _client = new Kubernetes(configuration);
        Server = configuration.Host?.TrimEnd('/') ?? "";
        Resources = new ApiResourceCatalog(this);
    }

    public static ClusterConnection Open(ClusterTarget target) => new(target.Configuration);

    public IKubernetes Client => _client;

    /// <summary>The API server URL as the kubeconfig wrote it, for messages.</summary>
    public string Server { get; }

    /// <summary>Longest wait for an ordinary (non-watch) request; a silent host must not hang the learner's screen.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Discovery, cached for the life of this connection.</summary>
    public ApiResourceCatalog Resources { get; }

    /// <summary>Sends a request to a path relative to the server URL; the caller owns the response.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_client.BaseUri, relativePath.TrimStart('/')))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Accept.ParseAdd("application/json");
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await _client.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs JSON; failures become <see cref="ClusterException"/>s worded with <paramref name="action"/>.</summary>
    public async Task<JsonNode> GetJsonAsync(string relativePath, string action, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        string body;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RequestTimeout);
        try
        {
            response = await SendAsync(HttpMethod.Get, relativePath, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterException(ClusterFailure.Unreachable, $"cannot reach {Server} (no answer within {RequestTimeout.TotalSeconds:0} s)", null, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw ClusterErrors.From(e, Server, action);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode) throw ClusterErrors.FromStatus((int)response.StatusCode, body, action);
            try
            {
                return JsonNode.Parse(body) ?? new JsonObject();
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new ClusterException(ClusterFailure.Rejected, $"cannot {action}: the server answered something that is not JSON ({e.Message})", (int)response.StatusCode, e);
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
