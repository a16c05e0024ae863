using System.Text.Json.Nodes;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Api.Selection;

namespace Tutor.Sandbox.Tests.Api;

public class SelectorTests
{
    private static JsonObject Labelled(params (string Key, string Value)[] labels) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "p", ["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))) },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    };

    [Theory]
    [InlineData("app=vote", true)]
    [InlineData("app==vote,tier=frontend", true)]
    [InlineData("app!=vote", false)]
    [InlineData("app in (vote, result)", true)]
    [InlineData("app notin (vote)", false)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!canary", true)]
    [InlineData("app=vote,tier=backend", false)]
    public void Label_selectors_match_as_kubectl_means_them(string selector, bool matches)
    {
        LabelSelectorQuery.Parse(selector).Matches(Labelled(("app", "vote"), ("tier", "frontend"))).Should().Be(matches);
    }

    [Theory]
    [InlineData("app in vote")]
    [InlineData("a b=c")]
    [InlineData("app=vote,,tier=x")]
    public void Broken_label_selectors_are_bad_requests(string selector)
    {
        var parse = () => LabelSelectorQuery.Parse(selector);

        parse.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Fact]
    public void Field_selectors_read_the_fields_the_api_allows_and_refuse_others()
    {
        FieldSelectorQuery.Parse("status.phase=Running,metadata.name=p", "Pod").Matches(Labelled()).Should().BeTrue();
        FieldSelectorQuery.Parse("status.phase!=Running", "Pod").Matches(Labelled()).Should().BeFalse();
        var unsupported = () => FieldSelectorQuery.Parse("spec.replicas=3", "Deployment");
        unsupported.Should().Throw<ApiError>().Which.Message.Should().Contain("field label not supported: spec.replicas");
    }

    [Theory]
    [InlineData("/api/v1/pods", "Pod", null, null, null)]
    [InlineData("/api/v1/namespaces/demo/pods", "Pod", "demo", null, null)]
    [InlineData("/api/v1/namespaces/demo/pods/web/status", "Pod", "demo", "web", "status")]
    [InlineData("/api/v1/namespaces/demo", "Namespace", null, "demo", null)]
    [InlineData("/apis/apps/v1/namespaces/demo/deployments/web", "Deployment", "demo", "web", null)]
    [InlineData("/api/v1/nodes/sandbox-worker", "Node", null, "sandbox-worker", null)]
    public void Resource_paths_name_the_type_namespace_name_and_subresource(string path, string kind, string? ns, string? name, string? sub)
    {
        var parsed = ResourcePath.Parse(path)!;

        parsed.Type.Kind.Should().Be(kind);
        parsed.Namespace.Should().Be(ns);
        parsed.Name.Should().Be(name);
        parsed.Subresource.Should().Be(sub);
    }

    [Theory]
    [InlineData("/api/v1/widgets")]
    [InlineData("/apis/apps/v1/namespaces/demo/pods")]
    [InlineData("/api/v1/namespaces/demo/nodes/x")]
    [InlineData("/api/v1/namespaces/demo/pods/a/b/c")]
    public void Unknown_resource_paths_are_not_found(string path)
    {
        var parse = () => ResourcePath.Parse(path);

        parse.Should().Throw<ApiError>().Which.Code.Should().Be(404);
    }
}
