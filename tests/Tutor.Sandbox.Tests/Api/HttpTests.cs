using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tutor.Sandbox.Tests.Api.Protobuf;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>The sandbox over real HTTP: what a client without the token, with a huge body or with garbage gets back.</summary>
public sealed class HttpTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
        _http = Client();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Token);
    }

    /// <summary>A client that trusts exactly the sandbox's certificate.</summary>
    private HttpClient Client() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _server.Certificate.Thumbprint,
    }) { BaseAddress = _server.Url };

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Code, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, path);
        // With 100-continue the client waits for the server's verdict before sending a large body, as kubectl's client does.
        request.Headers.ExpectContinue = expectContinue;
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return (response.StatusCode, json);
    }

    [Fact]
    public async Task Requests_without_the_token_are_refused_with_a_status()
    {
        using var anonymous = Client();
        using var wrong = Client();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        var none = await anonymous.GetAsync("/api/v1/namespaces");
        var bad = await wrong.GetAsync("/api/v1/namespaces");

        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        bad.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["kind"]!.GetValue<string>().Should().Be("Status");
    }

    [Fact]
    public void The_server_listens_on_loopback_only_over_tls()
    {
        _server.Url.Host.Should().Be("127.0.0.1");
        _server.Url.Scheme.Should().Be("https");
        _server.Kubeconfig().Should().Contain("certificate-authority-data:").And.Contain(_server.Token);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var huge = "{\"metadata\":{\"name\":\"x\"},\"data\":{\"k\":\"" + new string('a', 4 * 1024 * 1024) + "\"}}";

        var (code, body) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", huge, expectContinue: true);

        code.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        body!["reason"]!.GetValue<string>().Should().Be("RequestEntityTooLarge");
    }

    [Fact]
    public async Task Validation_errors_are_422_with_field_paths()
    {
        var deployment = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"other"}},"spec":{"containers":[{"name":"web"}]}}}}
            """;

        var (code, body) = await SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", deployment);

        code.Should().Be((HttpStatusCode)422);
        body!["message"]!.GetValue<string>().Should().StartWith("Deployment.apps \"web\" is invalid");
        body["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>())
            .Should().Contain(["spec.template.metadata.labels", "spec.template.spec.containers[0].image"]);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_404_naming_it()
    {
        var (code, body) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/nowhere/configmaps", """{"metadata":{"name":"a"}}""");

        code.Should().Be(HttpStatusCode.NotFound);
        body!["message"]!.GetValue<string>().Should().Be("namespaces \"nowhere\" not found");
    }

    [Fact]
    public async Task Services_get_distinct_cluster_ips_and_node_ports_in_range()
    {
        var ips = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var (code, body) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services",
                "{\"metadata\":{\"name\":\"s" + i + "\"},\"spec\":{\"type\":\"NodePort\",\"selector\":{\"app\":\"x\"},\"ports\":[{\"port\":80}]}}");
            code.Should().Be(HttpStatusCode.Created);
            ips.Add(body!["spec"]!["clusterIP"]!.GetValue<string>());
            body["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>().Should().BeInRange(30000, 32767);
            body["spec"]!["ports"]![0]!["targetPort"]!.GetValue<int>().Should().Be(80);
        }

        ips.Should().HaveCount(3);
        var (taken, _) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services",
            """{"metadata":{"name":"again"},"spec":{"clusterIP":"10.96.0.1","ports":[{"port":80}]}}""");
        taken.Should().Be((HttpStatusCode)422);
    }

    [Fact]
    public async Task Kubectl_get_receives_a_table_with_the_real_columns()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nodes");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        using var response = await _http.SendAsync(request);
        var table = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        table["kind"]!.GetValue<string>().Should().Be("Table");
        table["columnDefinitions"]!.AsArray().Where(c => c!["priority"]!.GetValue<int>() == 0).Select(c => c!["name"]!.GetValue<string>())
            .Should().Equal("Name", "Status", "Roles", "Age", "Version");
        table["rows"]!.AsArray().Select(r => r!["cells"]![0]!.GetValue<string>()).Should().Contain("sandbox-worker");
        table["rows"]![0]!["object"]!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
    }

    [Fact]
    public async Task Openapi_v3_tells_kubectl_that_the_server_validates_fields()
    {
        var (_, index) = await SendAsync(HttpMethod.Get, "/openapi/v3");
        var url = index!["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>();
        var (code, document) = await SendAsync(HttpMethod.Get, url);

        code.Should().Be(HttpStatusCode.OK);
        var post = document!["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments"]!["post"]!;
        post["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>().Should().Be("Deployment");
        post["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain("fieldValidation");
    }

    [Fact]
    public async Task Scale_reads_and_changes_a_deployments_replicas()
    {
        var deployment = """
            {"metadata":{"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
             "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}
            """;
        (await SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", deployment)).Code.Should().Be(HttpStatusCode.Created);

        var (code, scale) = await SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/web/scale", """{"spec":{"replicas":4}}""", "application/merge-patch+json");
        var (_, after) = await SendAsync(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/web");

        code.Should().Be(HttpStatusCode.OK);
        scale!["kind"]!.GetValue<string>().Should().Be("Scale");
        scale["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
        after!["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
    }

    [Fact]
    public async Task The_default_namespace_cannot_be_deleted()
    {
        var (code, _) = await SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default");

        code.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Broken_bodies_paths_and_patches_get_a_status_and_the_server_keeps_serving()
    {
        var random = new Random(1234);
        var bodies = new[] { "", "{", "[]", "null", "42", "{\"metadata\":5}", "{\"metadata\":{\"name\":7}}", "{\"kind\":\"Pod\",\"apiVersion\":\"v2\"}",
            "{\"metadata\":{\"name\":\"UPPER\"}}", "\u0000\u0001", "{\"spec\":{\"ports\":[{\"port\":\"x\"}]}}", "- a\n- b", "a: [1, 2" };
        var paths = new[] { "/api/v1/namespaces/default/configmaps", "/api/v1/namespaces/default/services", "/apis/apps/v1/namespaces/default/deployments",
            "/api/v1/namespaces/default/pods/x", "/api/v1/../../etc/passwd", "/apis/apps/v1/namespaces/default/deployments/x/scale", "/api/v2/pods",
            "/api/v1/namespaces//pods", "/api/v1/namespaces/default/pods/%ZZ", "/apis", "/version" };
        var types = new[] { "application/json", "application/yaml", "application/merge-patch+json", "application/strategic-merge-patch+json",
            "application/json-patch+json", "application/apply-patch+yaml", "text/html" };
        var methods = new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Get };

        for (var i = 0; i < 300; i++)
        {
            var method = methods[random.Next(methods.Length)];
            var path = paths[random.Next(paths.Length)] + (random.Next(3) == 0 ? "?fieldManager=fuzz&labelSelector=a%20in%20(" : "");
            var (code, body) = await SendAsync(method, path, method == HttpMethod.Get ? null : bodies[random.Next(bodies.Length)], types[random.Next(types.Length)]);
            ((int)code).Should().BeLessThan(500, $"{method} {path} must not crash the server");
            if ((int)code >= 400) body?["kind"]?.GetValue<string>().Should().Be("Status", $"{method} {path} answers a Status");
        }

        var (ok, version) = await SendAsync(HttpMethod.Get, "/version");
        ok.Should().Be(HttpStatusCode.OK);
        version!["gitVersion"]!.GetValue<string>().Should().StartWith("v1.32");
    }

    [Fact]
    public async Task An_update_that_leaves_out_the_namespace_takes_the_one_on_the_url()
    {
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"plain"},"data":{"a":"1"}}""");

        var (code, updated) = await SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/plain", """{"metadata":{"name":"plain"},"data":{"a":"2"}}""");

        code.Should().Be(HttpStatusCode.OK, updated?.ToJsonString());
        updated!["metadata"]!["namespace"]!.GetValue<string>().Should().Be("default");
        updated["data"]!["a"]!.GetValue<string>().Should().Be("2");
    }

    [Fact]
    public async Task Broken_protobuf_bodies_get_a_status_and_the_server_keeps_serving()
    {
        var random = new Random(4321);
        var valid = new[]
        {
            ProtoWriter.Envelope("apps/v1", "Deployment", d => d.Message(1, m => m.Text(1, "fuzz"))
                .Message(2, spec => spec.Varint(1, 2).Message(2, s => s.Entry(1, "app", "fuzz"))
                    .Message(3, t => t.Message(1, m => m.Entry(11, "app", "fuzz"))
                        .Message(2, pod => pod.Message(2, c => c.Text(1, "app").Text(2, "nginx").Message(6, p => p.Varint(3, 80))))))),
            ProtoWriter.Envelope("v1", "ConfigMap", c => c.Message(1, m => m.Text(1, "fuzz")).Entry(2, "a", "b")),
            ProtoWriter.Envelope("v1", "Secret", c => c.Message(1, m => m.Text(1, "fuzz")).Message(2, e => e.Text(1, "k").Bytes(2, [1, 2, 3]))),
            ProtoWriter.Envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", r => r.Message(2, s => s.Message(1, a => a.Text(2, "get").Text(5, "pods")))),
        };
        var targets = new[]
        {
            (HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments"), (HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/fuzz"),
            (HttpMethod.Post, "/api/v1/namespaces/default/configmaps"), (HttpMethod.Post, "/api/v1/namespaces/default/secrets"),
            (HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), (HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/fuzz"),
        };

        for (var i = 0; i < 400; i++)
        {
            var body = Mutate(valid[random.Next(valid.Length)], random);
            var (method, path) = targets[random.Next(targets.Length)];
            var (code, status) = await SendBytesAsync(method, path, body);
            ((int)code).Should().BeLessThan(500, $"{method} {path} with {Convert.ToHexString(body)} must not crash the server");
            if ((int)code >= 400) status?["kind"]?.GetValue<string>().Should().Be("Status", $"{method} {path} answers a Status");
        }

        var (created, _) = await SendBytesAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            ProtoWriter.Envelope("v1", "ConfigMap", c => c.Message(1, m => m.Text(1, "after-fuzz")).Entry(2, "a", "b")));
        created.Should().Be(HttpStatusCode.Created);
    }

    /// <summary>A valid body with bits flipped, cut short, bytes inserted or replaced by noise after the prefix, or left valid.</summary>
    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        switch (random.Next(5))
        {
            case 0:
                for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(4, bytes.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes = bytes.Take(random.Next(4, bytes.Count)).ToList();
                break;
            case 2:
                bytes.InsertRange(random.Next(4, bytes.Count), Enumerable.Range(0, random.Next(1, 6)).Select(_ => (byte)random.Next(256)));
                break;
            case 3:
                bytes = [.. bytes.Take(4), .. Enumerable.Range(0, random.Next(0, 40)).Select(_ => (byte)random.Next(256))];
                break;
        }

        return [.. bytes];
    }

    private async Task<(HttpStatusCode Code, JsonNode? Body)> SendBytesAsync(HttpMethod method, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (response.StatusCode, null);
        }
    }
}
