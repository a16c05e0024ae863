using System.Net;
using k8s;
using Tutor.Core.Cluster;
using static Tutor.Core.Tests.Cluster.TestManifests;

namespace Tutor.Core.Tests.Cluster;

/// <summary>What the applier puts on the wire: server-side apply with Tutor's field manager, a dry run of everything first.</summary>
public class ManifestApplierProtocolTests
{
    private const string CoreDiscovery = """
        {"kind":"APIResourceList","groupVersion":"v1","resources":[
          {"name":"namespaces","namespaced":false,"kind":"Namespace","verbs":["get","patch"]},
          {"name":"services","namespaced":true,"kind":"Service","verbs":["get","patch"]}]}
        """;

    private const string AppsDiscovery = """
        {"kind":"APIResourceList","groupVersion":"apps/v1","resources":[{"name":"deployments","namespaced":true,"kind":"Deployment","verbs":["get","patch"]}]}
        """;

    private static ScriptedApiServer Server(Func<string, string, bool> refuse) => new(async (request, response, _) =>
    {
        var path = request.Url!.AbsolutePath;
        var query = request.Url.Query;
        if (path == "/api/v1") await ScriptedApiServer.WriteAsync(response, CoreDiscovery);
        else if (path == "/apis/apps/v1") await ScriptedApiServer.WriteAsync(response, AppsDiscovery);
        else if (request.HttpMethod == "GET" && path == "/api/v1/namespaces/tutor") await ScriptedApiServer.WriteAsync(response, """{"kind":"Namespace","metadata":{"name":"tutor","resourceVersion":"1"}}""");
        else if (request.HttpMethod == "GET") await ScriptedApiServer.WriteAsync(response, """{"kind":"Status","code":404,"reason":"NotFound","message":"not found"}""", 404);
        else if (request.HttpMethod == "PATCH" && refuse(path, query))
            await ScriptedApiServer.WriteAsync(response, """{"kind":"Status","status":"Failure","reason":"Invalid","code":422,"message":"Service \"db\" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535"}""", 422);
        else if (request.HttpMethod == "PATCH") await ScriptedApiServer.WriteAsync(response, """{"metadata":{"resourceVersion":"7"}}""");
        else await ScriptedApiServer.WriteAsync(response, "{}", 405);
    });

    [Fact]
    public async Task Objects_are_sent_as_server_side_apply_with_tutors_field_manager_after_a_dry_run()
    {
        await using var server = Server((_, _) => false);
        using var connection = new ClusterConnection(new KubernetesClientConfiguration { Host = server.Url.ToString() });

        var result = await new ManifestApplier(connection).ApplyAsync([Object(Deployment, "vote"), Object(Service, "vote")], "tutor");

        result.Errors.Should().BeEmpty();
        result.Applied.Select(o => o.ToString()).Should().Equal("deployment.apps/vote created", "service/vote created");
        var patches = server.Log.Where(r => r.Method == "PATCH").ToList();
        patches.Should().HaveCount(4);
        patches.Should().AllSatisfy(p =>
        {
            p.ContentType.Should().StartWith("application/apply-patch+yaml");
            p.PathAndQuery.Should().Contain("fieldManager=tutor").And.Contain("force=true");
        });
        patches.Take(2).Should().AllSatisfy(p => p.PathAndQuery.Should().Contain("dryRun=All"));
        patches.Skip(2).Should().AllSatisfy(p => p.PathAndQuery.Should().NotContain("dryRun"));
        patches[2].PathAndQuery.Should().StartWith("/apis/apps/v1/namespaces/tutor/deployments/vote");
        patches[3].PathAndQuery.Should().StartWith("/api/v1/namespaces/tutor/services/vote");
    }

    [Fact]
    public async Task A_server_refusal_in_the_dry_run_applies_nothing_and_names_file_line_and_reason()
    {
        await using var server = Server((path, query) => path.EndsWith("/services/db"));
        using var connection = new ClusterConnection(new KubernetesClientConfiguration { Host = server.Url.ToString() });

        var result = await new ManifestApplier(connection).ApplyAsync(
            [Object(Deployment, "vote", line: 1, file: "manifests/130/step-1.yaml"), Object(Service, "db", line: 23, file: "manifests/130/step-1.yaml")], "tutor");

        result.Applied.Should().BeEmpty();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.ToString().Should().StartWith("manifests/130/step-1.yaml:23: service/db");
        error.Message.Should().Contain("spec.ports[0].port: Invalid value: 0");
        server.Log.Where(r => r.Method == "PATCH").Should().AllSatisfy(p => p.PathAndQuery.Should().Contain("dryRun=All"), "nothing is written for real");
    }
}
