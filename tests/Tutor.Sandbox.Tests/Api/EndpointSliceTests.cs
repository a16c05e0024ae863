using System.Net;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>EndpointSlices kept beside Endpoints for each Service with a selector, served as kubectl reads them.</summary>
public sealed class EndpointSliceTests : IAsyncLifetime
{
    private const string Slices = "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io/service-name=web";
    private SandboxServer _server = null!;
    private SandboxHttp _http = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(100) });
        _http = new SandboxHttp(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<JsonArray> EventuallyAsync(Func<JsonArray, bool> condition, string what)
    {
        JsonArray items = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            items = (await _http.SendAsync(HttpMethod.Get, Slices)).Body!["items"]!.AsArray();
            if (condition(items)) return items;
        }

        throw new Xunit.Sdk.XunitException($"{what}; last: {items.ToJsonString()}");
    }

    [Fact]
    public async Task A_service_gets_a_slice_with_each_ready_pod_and_loses_it_with_the_service()
    {
        (await _http.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", """
            {"metadata":{"name":"web"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
             "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"name":"http","containerPort":8080}]}]}}}}
            """)).Code.Should().Be(HttpStatusCode.Created);
        (await _http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services",
            """{"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":"http"}]}}""")).Code.Should().Be(HttpStatusCode.Created);

        var slices = await EventuallyAsync(s => s.Count == 1 && s[0]!["endpoints"]!.AsArray().Count(e => e!["conditions"]!["ready"]!.GetValue<bool>()) == 2,
            "one slice with two ready endpoints");

        var slice = slices[0]!;
        slice["addressType"]!.GetValue<string>().Should().Be("IPv4");
        slice["metadata"]!["name"]!.GetValue<string>().Should().StartWith("web-");
        slice["ports"]![0]!["port"]!.GetValue<int>().Should().Be(8080, "the named targetPort resolves to the pods' port");
        slice["endpoints"]![0]!["targetRef"]!["kind"]!.GetValue<string>().Should().Be("Pod");
        slice["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>().Should().Be("Service");

        (await _http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/services/web")).Code.Should().Be(HttpStatusCode.OK);
        await EventuallyAsync(s => s.Count == 0, "the slice goes with its Service");
    }

    [Fact]
    public async Task Slices_are_discovered_and_printed_with_kubectls_columns()
    {
        var discovery = (await _http.SendAsync(HttpMethod.Get, "/apis/discovery.k8s.io/v1")).Body!;
        (await _http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services",
            """{"metadata":{"name":"web"},"spec":{"selector":{"app":"none"},"ports":[{"port":80}]}}""")).Code.Should().Be(HttpStatusCode.Created);
        await EventuallyAsync(s => s.Count == 1, "a slice, empty");

        var table = await _http.SendTableAsync(Slices);

        discovery["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().Contain("endpointslices");
        table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("Name", "AddressType", "Ports", "Endpoints", "Age");
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        cells[1]!.GetValue<string>().Should().Be("IPv4");
        cells[2]!.GetValue<string>().Should().Be("80");
        cells[3]!.GetValue<string>().Should().Be("<unset>");
    }
}
