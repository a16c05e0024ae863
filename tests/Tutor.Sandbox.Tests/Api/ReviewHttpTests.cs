using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tutor.Sandbox.Tests.Api.Protobuf;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>Reviews and TokenRequest over real HTTP, in JSON and in the protobuf kubectl sends, including bodies that are wrong.</summary>
public sealed class ReviewHttpTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
        _http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _server.Certificate.Thumbprint,
        }) { BaseAddress = _server.Url };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Code, JsonNode? Body)> PostAsync(string path, HttpContent content)
    {
        using var response = await _http.PostAsync(path, content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");
        return content;
    }

    [Fact]
    public async Task A_protobuf_self_subject_access_review_is_answered_in_json()
    {
        var body = ProtoWriter.Envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", r => r
            .Message(1, _ => { })
            .Message(2, spec => spec.Message(1, a => a.Text(1, "default").Text(2, "list").Text(5, "secrets"))));

        var (code, review) = await PostAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", Protobuf(body));

        code.Should().Be(HttpStatusCode.Created);
        review!["spec"]!["resourceAttributes"]!["resource"]!.GetValue<string>().Should().Be("secrets");
        review["status"]!["allowed"]!.GetValue<bool>().Should().BeTrue();
        review["status"]!["reason"]!.GetValue<string>().Should().Contain("ClusterRoleBinding \"cluster-admin\"");
    }

    [Fact]
    public async Task A_protobuf_token_request_honours_its_expiration()
    {
        var body = ProtoWriter.Envelope("authentication.k8s.io/v1", "TokenRequest", r => r.Message(1, _ => { }).Message(2, spec => spec.Varint(4, 1200)));

        var (code, issued) = await PostAsync("/api/v1/namespaces/default/serviceaccounts/default/token", Protobuf(body));
        var missing = await PostAsync("/api/v1/namespaces/default/serviceaccounts/nobody/token", Protobuf(body));

        code.Should().Be(HttpStatusCode.Created, issued?.ToJsonString());
        issued!["spec"]!["expirationSeconds"]!.GetValue<long>().Should().Be(1200);
        DateTimeOffset.Parse(issued["status"]!["expirationTimestamp"]!.GetValue<string>()).Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(20), TimeSpan.FromMinutes(1));
        missing.Code.Should().Be(HttpStatusCode.NotFound);
        missing.Body!["message"]!.GetValue<string>().Should().Be("serviceaccounts \"nobody\" not found");
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0a, 0x7f, 0x01 })]
    public async Task Malformed_protobuf_is_a_bad_request_status(byte[] body)
    {
        var (code, status) = await PostAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", Protobuf(body));

        code.Should().Be(HttpStatusCode.BadRequest);
        status!["kind"]!.GetValue<string>().Should().Be("Status");
        status["message"]!.GetValue<string>().Should().StartWith("error decoding the request body as protobuf");
    }

    [Fact]
    public async Task Reviews_without_what_to_review_are_invalid_with_the_field_named()
    {
        var (noSpec, status) = await PostAsync("/apis/authorization.k8s.io/v1/subjectaccessreviews",
            new StringContent("""{"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview"}""", Encoding.UTF8, "application/json"));
        var (noSubject, subjectStatus) = await PostAsync("/apis/authorization.k8s.io/v1/subjectaccessreviews",
            new StringContent("""{"spec":{"resourceAttributes":{"verb":"get","resource":"pods"}}}""", Encoding.UTF8, "application/json"));
        var (noAttributes, attributesStatus) = await PostAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            new StringContent("""{"spec":{}}""", Encoding.UTF8, "application/json"));

        noSpec.Should().Be((HttpStatusCode)422);
        status!["message"]!.GetValue<string>().Should().Contain("spec: Required value");
        noSubject.Should().Be((HttpStatusCode)422);
        subjectStatus!["message"]!.GetValue<string>().Should().Contain("spec.user");
        noAttributes.Should().Be((HttpStatusCode)422);
        attributesStatus!["message"]!.GetValue<string>().Should().Contain("spec.resourceAttributes");
    }

    [Fact]
    public async Task Discovery_and_openapi_serve_the_review_kinds_as_create_only()
    {
        var authorization = JsonNode.Parse(await _http.GetStringAsync("/apis/authorization.k8s.io/v1"))!;
        var core = JsonNode.Parse(await _http.GetStringAsync("/api/v1"))!;
        var openApi = JsonNode.Parse(await _http.GetStringAsync("/openapi/v3/apis/authentication.k8s.io/v1"))!;

        var review = authorization["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "selfsubjectaccessreviews")!;
        review["verbs"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("create");
        authorization["resources"]!.AsArray().Should().Contain(r => r!["name"]!.GetValue<string>() == "localsubjectaccessreviews" && r["namespaced"]!.GetValue<bool>());
        core["resources"]!.AsArray().Should().Contain(r => r!["name"]!.GetValue<string>() == "serviceaccounts/token" && r["kind"]!.GetValue<string>() == "TokenRequest");
        openApi["paths"]!["/apis/authentication.k8s.io/v1/selfsubjectreviews"]!["post"].Should().NotBeNull();
    }
}
