using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Tests.Checks;

public class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Vote = new() { ["app"] = "vote", ["tier"] = "frontend" };

    [Theory]
    [InlineData("app=vote", true)]
    [InlineData("app==vote", true)]
    [InlineData("app=result", false)]
    [InlineData("app=vote,tier=frontend", true)]
    [InlineData("app=vote,tier=backend", false)]
    [InlineData("tier!=backend", true)]
    [InlineData("tier!=frontend", false)]
    [InlineData("track!=canary", true)]
    [InlineData("tier in (frontend,backend)", true)]
    [InlineData("tier in (backend)", false)]
    [InlineData("tier notin (backend, db)", true)]
    [InlineData("tier notin (frontend)", false)]
    [InlineData("track notin (canary)", true)]
    [InlineData("app", true)]
    [InlineData("track", false)]
    [InlineData("!track", true)]
    [InlineData("!app", false)]
    [InlineData(" app = vote , tier in (a, frontend) , !track ", true)]
    [InlineData("", true)]
    public void Kubectl_syntax_matches_like_kubectl(string selector, bool matches) =>
        LabelSelector.Parse(selector).Matches(Vote).Should().Be(matches);

    [Theory]
    [InlineData("app=vote,")]
    [InlineData("app in (vote")]
    [InlineData("app in vote)")]
    [InlineData("=vote")]
    [InlineData("app=vo te")]
    [InlineData("app in (a,(b))")]
    [InlineData("-app=vote")]
    [InlineData("app is vote")]
    public void Bad_syntax_is_refused_with_a_reason(string selector)
    {
        LabelSelector.TryParse(selector, out var parsed, out var error).Should().BeFalse();
        parsed.Should().BeNull();
        error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Prefixed_keys_are_allowed() =>
        LabelSelector.Parse("app.kubernetes.io/name=vote").Matches(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "vote" }).Should().BeTrue();

    [Fact]
    public void It_prints_back_in_kubectl_syntax() =>
        LabelSelector.Parse("a=b,c!=d,e in (x,y),f notin (z),g,!h").ToString().Should().Be("a=b,c!=d,e in (x,y),f notin (z),g,!h");

    [Fact]
    public void A_service_selector_map_selects_by_equality()
    {
        var selector = LabelSelector.FromJson(JsonNode.Parse("""{ "app": "vote", "tier": "front" }"""))!;
        selector.ToString().Should().Be("app=vote,tier=front");
        selector.Matches(Vote).Should().BeFalse();
    }

    [Fact]
    public void A_workload_selector_reads_match_labels_and_expressions()
    {
        var selector = LabelSelector.FromJson(JsonNode.Parse("""
            { "matchLabels": { "app": "vote" },
              "matchExpressions": [ { "key": "tier", "operator": "In", "values": ["frontend", "web"] },
                                    { "key": "track", "operator": "DoesNotExist" } ] }
            """))!;
        selector.Matches(Vote).Should().BeTrue();
        selector.Matches(new Dictionary<string, string>(Vote) { ["track"] = "canary" }).Should().BeFalse();
    }

    [Fact]
    public void A_network_policy_is_read_by_its_pod_selector_and_the_empty_one_picks_every_pod()
    {
        var narrow = LabelSelector.Of(JsonNode.Parse("""{ "spec": { "podSelector": { "matchLabels": { "app": "redis" } } } }"""))!;
        var all = LabelSelector.Of(JsonNode.Parse("""{ "spec": { "podSelector": {} } }"""))!;

        narrow.Matches(Vote).Should().BeFalse();
        narrow.Matches(new Dictionary<string, string> { ["app"] = "redis" }).Should().BeTrue();
        all.Matches(Vote).Should().BeTrue();
    }

    [Fact]
    public void No_selector_is_null_not_match_everything() =>
        LabelSelector.FromJson(null).Should().BeNull();

    [Fact]
    public void It_matches_objects_by_their_metadata_labels()
    {
        var selector = LabelSelector.Parse("app=vote");
        selector.Matches(JsonNode.Parse("""{ "metadata": { "labels": { "app": "vote" } } }""")).Should().BeTrue();
        selector.Matches(JsonNode.Parse("""{ "metadata": { "name": "x" } }""")).Should().BeFalse();
    }
}
