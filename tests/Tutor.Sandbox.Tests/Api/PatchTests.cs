using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Api.Patching;

namespace Tutor.Sandbox.Tests.Api;

public class PatchTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_patch_merges_objects_removes_nulls_and_replaces_lists()
    {
        var result = MergePatch.Apply(Json("""{"a":{"b":1,"c":2},"l":[1,2]}"""), Json("""{"a":{"c":null,"d":3},"l":[3]}"""));

        result!.ToJsonString().Should().Be("""{"a":{"b":1,"d":3},"l":[3]}""");
    }

    [Fact]
    public void Strategic_merge_patch_merges_containers_by_name_and_deletes_on_request()
    {
        var live = Json("""{"spec":{"containers":[{"name":"web","image":"nginx:1.25"},{"name":"side","image":"busybox"}]}}""");

        var image = StrategicMergePatch.Apply(live, Json("""{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"name":"web","image":"nginx:1.27"}]}}"""));
        var deleted = StrategicMergePatch.Apply(live, Json("""{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}"""));

        image!["spec"]!["containers"]!.AsArray().Select(c => c!["image"]!.GetValue<string>()).Should().Equal("nginx:1.27", "busybox");
        deleted!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("web");
    }

    [Fact]
    public void Json_patch_applies_each_operation_and_a_failed_test_stops_it()
    {
        var doc = Json("""{"spec":{"replicas":1,"list":["a"]}}""");

        var patched = JsonPatch.Apply(doc, JsonNode.Parse("""[{"op":"replace","path":"/spec/replicas","value":3},{"op":"add","path":"/spec/list/-","value":"b"},{"op":"remove","path":"/spec/list/0"}]"""));
        var failed = () => JsonPatch.Apply(doc, JsonNode.Parse("""[{"op":"test","path":"/spec/replicas","value":2}]"""));
        var missing = () => JsonPatch.Apply(doc, JsonNode.Parse("""[{"op":"remove","path":"/spec/nothing"}]"""));

        patched.ToJsonString().Should().Be("""{"spec":{"replicas":3,"list":["b"]}}""");
        failed.Should().Throw<ApiError>().Which.Code.Should().Be(422);
        missing.Should().Throw<ApiError>().Which.Code.Should().Be(422);
    }

    [Fact]
    public void Server_side_apply_removes_what_the_manager_stopped_applying_and_keeps_what_others_set()
    {
        var first = ServerSideApply.Apply(null, Json("""{"metadata":{"name":"web","labels":{"app":"web","tier":"x"}},"spec":{"replicas":2}}"""), "tutor", "apps/v1", Now);
        first["status"] = Json("""{"readyReplicas":2}""");
        first["metadata"]!["annotations"] = Json("""{"set-by":"someone else"}""");

        var second = ServerSideApply.Apply(first, Json("""{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":3}}"""), "tutor", "apps/v1", Now.AddMinutes(1));

        second["metadata"]!["labels"]!.ToJsonString().Should().Be("""{"app":"web"}""");
        second["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        second["metadata"]!["annotations"]!["set-by"]!.GetValue<string>().Should().Be("someone else");
        var entry = second["metadata"]!["managedFields"]!.AsArray().Single()!;
        entry["manager"]!.GetValue<string>().Should().Be("tutor");
        entry["operation"]!.GetValue<string>().Should().Be("Apply");
        entry["fieldsType"]!.GetValue<string>().Should().Be("FieldsV1");
        entry["fieldsV1"]!["f:spec"]!["f:replicas"].Should().NotBeNull();
    }

    [Fact]
    public void Server_side_apply_merges_containers_by_name()
    {
        var live = ServerSideApply.Apply(null, Json("""{"metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}"""), "tutor", "v1", Now);

        var updated = ServerSideApply.Apply(live, Json("""{"metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"x2"}]}}"""), "tutor", "v1", Now);

        updated["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("a");
        updated["spec"]!["containers"]![0]!["image"]!.GetValue<string>().Should().Be("x2");
        updated["metadata"]!["managedFields"]![0]!["fieldsV1"]!["f:spec"]!["f:containers"]!.AsObject().Select(p => p.Key)
            .Should().Equal("""k:{"name":"a"}""");
    }
}
