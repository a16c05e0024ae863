using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>A sandbox started with a data folder, stopped and started again over real HTTP.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tutor-data-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static HttpClient Client(SandboxServer server)
    {
        var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == server.Certificate.Thumbprint,
        }) { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return http;
    }

    [Fact]
    public async Task Objects_written_before_a_stop_are_served_after_the_next_start()
    {
        string version;
        await using (var first = await SandboxServer.StartAsync(new SandboxOptions { DataDirectory = _dir }))
        {
            using var http = Client(first);
            var created = await http.PostAsync("/api/v1/namespaces/default/configmaps",
                new StringContent("{\"metadata\":{\"name\":\"kept\"},\"data\":{\"colour\":\"blue\"}}", Encoding.UTF8, "application/json"));
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            version = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["metadata"]!["resourceVersion"]!.GetValue<string>();
        }

        await using var second = await SandboxServer.StartAsync(new SandboxOptions { DataDirectory = _dir });
        using var again = Client(second);
        var got = JsonNode.Parse(await again.GetStringAsync("/api/v1/namespaces/default/configmaps/kept"))!;
        got["data"]!["colour"]!.GetValue<string>().Should().Be("blue");
        var nodes = JsonNode.Parse(await again.GetStringAsync("/api/v1/nodes"))!["items"]!.AsArray();
        nodes.Should().HaveCount(3, "the seed objects are recovered, not created a second time");
        var list = JsonNode.Parse(await again.GetStringAsync("/api/v1/namespaces/default/configmaps"))!;
        long.Parse(list["metadata"]!["resourceVersion"]!.GetValue<string>()).Should().BeGreaterThanOrEqualTo(long.Parse(version));
    }

    [Fact]
    public async Task Without_a_data_folder_a_new_start_is_a_new_cluster()
    {
        await using (var first = await SandboxServer.StartAsync())
        {
            using var http = Client(first);
            (await http.PostAsync("/api/v1/namespaces/default/configmaps",
                new StringContent("{\"metadata\":{\"name\":\"gone\"}}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        await using var second = await SandboxServer.StartAsync();
        using var again = Client(second);
        (await again.GetAsync("/api/v1/namespaces/default/configmaps/gone")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
