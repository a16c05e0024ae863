using System.Net;

namespace Tutor.Sandbox.Tests.Api;

/// <summary>Unknown fields under each <c>fieldValidation</c> mode, as the API server treats them.</summary>
public sealed class FieldValidationTests : IAsyncLifetime
{
    private const string Typo = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vote"},
         "spec":{"selector":{"matchLabels":{"app":"vote"}},"replica":2,
          "template":{"metadata":{"labels":{"app":"vote"}},"spec":{"containers":[{"name":"vote","image":"vote:v1","imagee":"x"}]}}}}
        """;

    private SandboxServer _server = null!;
    private SandboxHttp _http = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync();
        _http = new SandboxHttp(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Strict_refuses_every_unknown_field_by_its_path_and_stores_nothing()
    {
        var (code, body, _) = await _http.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments?fieldValidation=Strict", Typo);

        code.Should().Be(HttpStatusCode.BadRequest);
        body!["reason"]!.GetValue<string>().Should().Be("BadRequest");
        body["message"]!.GetValue<string>().Should().Be(
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: "
            + "unknown field \"spec.replica\", unknown field \"spec.template.spec.containers[0].imagee\"");
        (await _http.SendAsync(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/vote")).Code.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Warn_is_the_default_drops_the_fields_and_names_them_in_warning_headers()
    {
        var (code, body, warnings) = await _http.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", Typo);

        code.Should().Be(HttpStatusCode.Created);
        warnings.Should().BeEquivalentTo(
            "299 - \"unknown field \\\"spec.replica\\\"\"",
            "299 - \"unknown field \\\"spec.template.spec.containers[0].imagee\\\"\"");
        body!["spec"]!["replica"].Should().BeNull();
        body["spec"]!["template"]!["spec"]!["containers"]![0]!["imagee"].Should().BeNull();
        body["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Ignore_drops_the_fields_without_a_word()
    {
        var (code, body, warnings) = await _http.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments?fieldValidation=Ignore", Typo);

        code.Should().Be(HttpStatusCode.Created);
        warnings.Should().BeEmpty();
        body!["spec"]!["replica"].Should().BeNull();
    }

    [Fact]
    public async Task Labels_annotations_and_data_take_any_key_and_a_known_object_gets_no_warning()
    {
        var (code, _, warnings) = await _http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldValidation=Strict",
            """{"metadata":{"name":"c","labels":{"any.key/x":"y"},"annotations":{"note":"z"}},"data":{"whatever":"v"}}""");

        code.Should().Be(HttpStatusCode.Created);
        warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task Server_side_apply_under_strict_names_the_field_not_in_the_schema()
    {
        var (code, body, _) = await _http.SendAsync(HttpMethod.Patch,
            "/api/v1/namespaces/default/services/web?fieldManager=kubectl&fieldValidation=Strict",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  prots:\n  - port: 80\n", "application/apply-patch+yaml");

        code.Should().Be(HttpStatusCode.BadRequest);
        body!["message"]!.GetValue<string>().Should().Be(
            "failed to create typed patch object (default/web; v1, Kind=Service): .spec.prots: field not declared in schema");
    }

    [Fact]
    public async Task A_mode_the_server_does_not_know_is_refused()
    {
        var (code, body, _) = await _http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldValidation=Loud", """{"metadata":{"name":"c"}}""");

        code.Should().Be(HttpStatusCode.BadRequest);
        body!["message"]!.GetValue<string>().Should().Contain("fieldValidation");
    }
}
