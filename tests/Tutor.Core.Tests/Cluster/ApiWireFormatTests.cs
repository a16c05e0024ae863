using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Cluster;

public class ApiWireFormatTests
{
    [Fact]
    public void Status_body_gives_code_reason_and_message()
    {
        var status = ApiStatus.Parse("""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Deployment.apps \"vote\" is invalid: spec.replicas: Invalid value: -1","reason":"Invalid","code":422}""", 500);

        status.Code.Should().Be(422);
        status.Reason.Should().Be("Invalid");
        status.Message.Should().Contain("spec.replicas");
    }

    [Fact]
    public void Non_status_body_keeps_the_http_code_and_text()
    {
        var status = ApiStatus.Parse("upstream connect error", 503);

        status.Code.Should().Be(503);
        status.Message.Should().Be("upstream connect error");
    }

    [Theory]
    [InlineData(401, ClusterFailure.Unauthorized, "refused your credentials")]
    [InlineData(403, ClusterFailure.Forbidden, "you lack the right to list pods")]
    [InlineData(404, ClusterFailure.NotFound, "not found")]
    [InlineData(410, ClusterFailure.Gone, "410")]
    [InlineData(422, ClusterFailure.Rejected, "boom")]
    public void Status_codes_map_to_failures_with_words(int code, ClusterFailure failure, string words)
    {
        var error = ClusterErrors.FromStatus(code, $$"""{"kind":"Status","message":"boom","code":{{code}}}""", "list pods");

        error.Failure.Should().Be(failure);
        error.Message.Should().Contain(words);
        error.StatusCode.Should().Be(code);
    }

    [Fact]
    public void Connection_refused_says_so_with_the_server()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

        var error = ClusterErrors.From(refused, "https://127.0.0.1:1", "read the server version");

        error.Failure.Should().Be(ClusterFailure.Unreachable);
        error.Message.Should().Be("cannot reach https://127.0.0.1:1 (connection refused)");
        error.IsConnectionProblem.Should().BeTrue();
    }

    [Fact]
    public void Discovery_document_gives_plural_and_scope_and_skips_subresources()
    {
        var document = JsonNode.Parse("""
            {"kind":"APIResourceList","groupVersion":"apps/v1","resources":[
              {"name":"deployments","namespaced":true,"kind":"Deployment","verbs":["get","list","watch"]},
              {"name":"deployments/scale","namespaced":true,"kind":"Scale","verbs":["get"]},
              {"name":"controllerrevisions","namespaced":true,"kind":"ControllerRevision"}]}
            """);

        var resources = ApiResourceListParser.Parse("apps/v1", document);

        resources.Select(r => r.Plural).Should().Equal("deployments", "controllerrevisions");
        resources[0].Kind.Should().Be(new ResourceKind("apps/v1", "Deployment"));
        resources[0].Namespaced.Should().BeTrue();
        resources[0].Supports("watch").Should().BeTrue();
        resources[0].Supports("delete").Should().BeFalse();
    }

    [Fact]
    public void Paths_for_core_and_group_kinds()
    {
        var pods = new ApiResource(new ResourceKind("v1", "Pod"), "pods", true, []);
        var deployments = new ApiResource(new ResourceKind("apps/v1", "Deployment"), "deployments", true, []);
        var namespaces = new ApiResource(new ResourceKind("v1", "Namespace"), "namespaces", false, []);

        ApiPaths.Collection(pods, "tutor").Should().Be("api/v1/namespaces/tutor/pods");
        ApiPaths.Item(deployments, "tutor", "vote").Should().Be("apis/apps/v1/namespaces/tutor/deployments/vote");
        ApiPaths.Item(namespaces, "tutor", "tutor").Should().Be("api/v1/namespaces/tutor", "cluster-scoped kinds ignore the namespace");
        ApiPaths.WithQuery("api/v1/pods", ("watch", "true"), ("resourceVersion", null), ("fieldSelector", "metadata.name=a b"))
            .Should().Be("api/v1/pods?watch=true&fieldSelector=metadata.name%3Da%20b");
        deployments.Reference("vote").Should().Be("deployment.apps/vote");
        pods.Reference("web").Should().Be("pod/web");
    }

    [Fact]
    public void Watch_lines_parse_into_events()
    {
        var added = WatchEvent.Parse("""{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a","resourceVersion":"12"}}}""");
        var gone = WatchEvent.Parse("""{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version"}}""");

        added!.Type.Should().Be(WatchEvent.Added);
        added.ResourceVersion.Should().Be("12");
        added.Status.Should().BeNull();
        gone!.Status!.Code.Should().Be(410);
        WatchEvent.Parse("  ").Should().BeNull();
        FluentActions.Invoking(() => WatchEvent.Parse("{\"kind\":\"Pod\"}")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => WatchEvent.Parse("not json")).Should().Throw<FormatException>();
    }

    [Fact]
    public void Snapshot_lists_are_sorted_and_detached_from_the_cache()
    {
        var kind = new ResourceKind("v1", "Pod");
        var b = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "b" } };
        var a = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "a" } };

        var snapshot = SnapshotBuilder.Build("tutor", [new(kind, new[] { b, a })]);
        a["metadata"]!["name"] = "changed";

        snapshot.List(kind).Select(o => o["metadata"]!["name"]!.GetValue<string>()).Should().Equal("a", "b");
        snapshot.Reachable.Should().BeTrue();
    }

    [Fact]
    public void Cluster_managed_objects_are_recognised()
    {
        LessonKinds.IsManagedByCluster(new("v1", "ServiceAccount"), Named("default")).Should().BeTrue();
        LessonKinds.IsManagedByCluster(new("v1", "ServiceAccount"), Named("builder")).Should().BeFalse();
        LessonKinds.IsManagedByCluster(new("v1", "ConfigMap"), Named("kube-root-ca.crt")).Should().BeTrue();
        LessonKinds.IsManagedByCluster(new("v1", "ConfigMap"), Named("default")).Should().BeFalse();
        var token = Named("builder-token");
        token["type"] = "kubernetes.io/service-account-token";
        LessonKinds.IsManagedByCluster(new("v1", "Secret"), token).Should().BeTrue();
        LessonKinds.IsManagedByCluster(new("v1", "Secret"), Named("db-password")).Should().BeFalse();
    }

    private static JsonObject Named(string name) => new() { ["metadata"] = new JsonObject { ["name"] = name } };
}
