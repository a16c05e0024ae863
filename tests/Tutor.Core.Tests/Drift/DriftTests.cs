using System.Text.Json.Nodes;
using Tutor.Core.Drift;

namespace Tutor.Core.Tests.Drift;

public class DriftTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Server_fields_and_defaults_the_solution_does_not_set_are_left_out()
    {
        var desired = Obj("""{ "kind": "Service", "metadata": { "name": "vote" }, "spec": { "ports": [ { "port": 80 } ] } }""");
        var live = Obj("""
            { "kind": "Service", "metadata": { "name": "vote", "uid": "u", "resourceVersion": "7", "managedFields": [], "namespace": "tutor" },
              "spec": { "type": "ClusterIP", "clusterIP": "10.0.0.1", "ports": [ { "port": 80, "protocol": "TCP", "targetPort": 80 } ] }, "status": {} }
            """);

        DriftProjection.Project(desired, live)!.ToJsonString().Should().Be(desired.ToJsonString());
    }

    [Fact]
    public void Named_list_elements_pair_by_name_and_a_changed_value_shows()
    {
        var desired = Obj("""{ "spec": { "containers": [ { "name": "vote", "image": "vote:v2" } ] } }""");
        var live = Obj("""{ "spec": { "containers": [ { "name": "sidecar", "image": "x" }, { "name": "vote", "image": "vote:v1", "imagePullPolicy": "IfNotPresent" } ] } }""");

        DriftProjection.Project(desired, live)!.ToJsonString().Should().Be("""{"spec":{"containers":[{"name":"vote","image":"vote:v1"}]}}""");
    }

    [Fact]
    public void Lists_of_plain_values_are_compared_whole() =>
        DriftProjection.Project(Obj("""{ "args": ["a"] }"""), Obj("""{ "args": ["a", "b"] }"""))!.ToJsonString().Should().Be("""{"args":["a","b"]}""");

    [Fact]
    public void A_field_the_live_object_lacks_is_missing_from_the_projection() =>
        DriftProjection.Project(Obj("""{ "data": { "a": "1", "b": "2" } }"""), Obj("""{ "data": { "a": "1" } }"""))!.ToJsonString().Should().Be("""{"data":{"a":"1"}}""");

    [Fact]
    public void The_desired_side_drops_status_and_server_metadata() =>
        DriftProjection.Desired(Obj("""{ "metadata": { "name": "x", "uid": "u" }, "status": { "phase": "Running" } }""")).ToJsonString()
            .Should().Be("""{"metadata":{"name":"x"}}""");

    [Fact]
    public void Yaml_is_block_style_and_quotes_what_would_read_back_otherwise() =>
        YamlWriter.Write(Obj("""{ "metadata": { "name": "vote", "labels": { "a": "true", "b": "80" } }, "spec": { "replicas": 3, "ports": [ { "port": 80, "name": "http" } ], "args": ["-x"] } }"""))
            .Should().Be("metadata:\n  name: vote\n  labels:\n    a: \"true\"\n    b: \"80\"\nspec:\n  replicas: 3\n  ports:\n  - port: 80\n    name: http\n  args:\n  - \"-x\"\n");

    [Fact]
    public void The_same_text_has_no_diff() =>
        UnifiedDiff.Of("a\nb\n", "a\nb\n", "x", "y").Should().BeEmpty();

    [Fact]
    public void A_changed_line_shows_as_minus_and_plus_with_context()
    {
        var diff = UnifiedDiff.Of("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\ne\nf\nG\nh\n", "solution", "live", context: 1);

        diff.Split('\n').Should().Equal("--- solution", "+++ live", " f", "-g", "+G", " h");
    }
}
