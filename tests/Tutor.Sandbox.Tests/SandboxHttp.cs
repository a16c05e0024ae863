using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests;

/// <summary>A started sandbox and an HTTP client that trusts it, for tests that talk to it as kubectl would.</summary>
internal sealed class SandboxHttp : IAsyncDisposable
{
    private readonly HttpClient _http;

    private SandboxHttp(SandboxServer server)
    {
        Server = server;
        _http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == server.Certificate.Thumbprint,
        }) { BaseAddress = server.Url };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
    }

    public SandboxServer Server { get; }

    public static async Task<SandboxHttp> StartAsync(TimeSpan? podStartDelay = null, TimeSpan? probeSecond = null) =>
        new(await SandboxServer.StartAsync(new SandboxOptions
        {
            PodStartDelay = podStartDelay ?? TimeSpan.FromMilliseconds(100),
            ProbeSecond = probeSecond ?? TimeSpan.FromMilliseconds(10),
        }));

    public async Task<(HttpStatusCode Code, JsonObject? Body)> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null);
    }

    /// <summary>Creates an object and fails the test unless the server accepted it.</summary>
    public async Task<JsonObject> CreateAsync(string collection, string json)
    {
        var (code, body) = await SendAsync(HttpMethod.Post, collection, json);
        code.Should().Be(HttpStatusCode.Created, body?.ToJsonString());
        return body!;
    }

    /// <summary>A JSON merge patch, as <c>kubectl patch --type merge</c> sends it.</summary>
    public async Task<(HttpStatusCode Code, JsonObject? Body)> MergePatchAsync(string path, string patch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json") };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null);
    }

    public async Task<JsonObject?> GetAsync(string path)
    {
        var (code, body) = await SendAsync(HttpMethod.Get, path);
        return code == HttpStatusCode.OK ? body : null;
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="condition"/> holds, failing with <paramref name="what"/> after 10 s.</summary>
    public async Task<JsonObject> EventuallyAsync(string path, Func<JsonObject, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetAsync(path);
            if (last is not null && condition(last)) return last;
            await Task.Delay(50);
        }

        throw new TimeoutException($"timed out waiting for {what}; last seen: {last?.ToJsonString()}");
    }

    /// <summary>The events about one object in a namespace, as <c>kubectl describe</c> reads them.</summary>
    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string ns, string name) =>
        ((await GetAsync($"/api/v1/namespaces/{ns}/events"))?["items"] as JsonArray ?? [])
            .OfType<JsonObject>().Where(e => e["involvedObject"]?["name"]?.GetValue<string>() == name).ToList();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
