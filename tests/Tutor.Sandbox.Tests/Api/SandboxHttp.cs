using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>A client of one sandbox over real HTTPS, trusting exactly its certificate, answering status, body and headers.</summary>
internal sealed class SandboxHttp(SandboxServer server) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == server.Certificate.Thumbprint,
    })
    {
        BaseAddress = server.Url,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", server.Token) },
    };

    public async Task<(HttpStatusCode Code, JsonNode? Body, IReadOnlyList<string> Warnings)> SendAsync(
        HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null, warnings);
    }

    /// <summary>GET as kubectl get does: asking for a Table.</summary>
    public async Task<JsonNode> SendTableAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        using var response = await _http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public void Dispose() => _http.Dispose();
}
