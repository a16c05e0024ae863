using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Tests.Checks;

public class ObjectMatcherTests
{
    private static readonly JsonNode Deployment = JsonNode.Parse("""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "vote", "labels": { "app": "vote", "app.kubernetes.io/name": "vote" } },
          "spec": {
            "replicas": 2,
            "template": { "spec": { "containers": [
              { "name": "vote", "image": "dockersamples/examplevotingapp_vote:v1",
                "resources": { "limits": { "cpu": "500m", "memory": "128Mi" } },
                "ports": [ { "containerPort": 80 } ] },
              { "name": "sidecar", "image": "busybox" }
            ] } }
          },
          "status": { "readyReplicas": 1, "conditions": [ { "type": "Available", "status": "True" } ] }
        }
        """)!;

    private static MatchFailure? Mismatch(string expectedJson) => ObjectMatcher.FirstMismatch(JsonNode.Parse(expectedJson), Deployment);

    [Fact]
    public void A_subset_of_the_object_matches() =>
        Mismatch("""{ "metadata": { "name": "vote" }, "spec": { "replicas": 2 } }""").Should().BeNull();

    [Fact]
    public void A_different_scalar_names_the_path_and_both_values() =>
        Mismatch("""{ "spec": { "replicas": 3 } }""")!.Message.Should().Be("expected spec.replicas to be 3, found 2");

    [Fact]
    public void A_missing_field_is_found_nothing() =>
        Mismatch("""{ "metadata": { "labels": { "tier": "frontend" } } }""")!.Message
            .Should().Be("expected metadata.labels.tier to be \"frontend\", found nothing");

    [Fact]
    public void A_missing_parent_reports_the_deepest_expected_field()
    {
        var failure = Mismatch("""{ "spec": { "strategy": { "type": "Recreate" } } }""")!;
        failure.Path.Should().Be("spec.strategy.type");
        failure.Message.Should().Be("expected spec.strategy.type to be \"Recreate\", found nothing");
    }

    [Fact]
    public void Numbers_compare_by_value() =>
        ObjectMatcher.Matches(JsonNode.Parse("""{ "n": 3.0 }"""), JsonNode.Parse("""{ "n": 3 }""")).Should().BeTrue();

    [Fact]
    public void A_number_does_not_equal_a_word() =>
        ObjectMatcher.Matches(JsonNode.Parse("""{ "n": 3 }"""), JsonNode.Parse("""{ "n": "three" }""")).Should().BeFalse();

    [Fact]
    public void A_number_equals_a_quantity_string_of_the_same_value() =>
        ObjectMatcher.Matches(JsonNode.Parse("""{ "cpu": 1 }"""), JsonNode.Parse("""{ "cpu": "1" }""")).Should().BeTrue();

    [Fact]
    public void A_string_does_not_equal_a_number() =>
        ObjectMatcher.Matches(JsonNode.Parse("""{ "port": "80" }"""), JsonNode.Parse("""{ "port": 80 }""")).Should().BeFalse();

    [Fact]
    public void Booleans_compare_equal() =>
        Mismatch("""{ "spec": { "paused": true } }""")!.Message.Should().Be("expected spec.paused to be true, found nothing");

    [Fact]
    public void A_map_expected_where_a_scalar_is_found_says_so() =>
        Mismatch("""{ "spec": { "replicas": { "count": 2 } } }""")!.Message.Should().Be("expected spec.replicas to be a map, found 2");

    [Fact]
    public void A_list_element_matches_any_actual_element() =>
        Mismatch("""{ "spec": { "template": { "spec": { "containers": [ { "image": "busybox" } ] } } } }""").Should().BeNull();

    [Fact]
    public void Every_expected_list_element_must_be_found() =>
        Mismatch("""{ "spec": { "template": { "spec": { "containers": [ { "name": "vote" }, { "name": "redis" } ] } } } }""")!.Message
            .Should().Be("expected spec.template.spec.containers to have an element matching {name: redis}, found none (containers: vote, sidecar)");

    [Fact]
    public void A_named_list_element_reports_the_field_that_differs()
    {
        var failure = Mismatch("""{ "spec": { "template": { "spec": { "containers": [ { "name": "vote", "image": "nginx" } ] } } } }""")!;
        failure.Path.Should().Be("spec.template.spec.containers[vote].image");
        failure.Message.Should().Be("expected spec.template.spec.containers[vote].image to be \"nginx\", found \"dockersamples/examplevotingapp_vote:v1\"");
    }

    [Fact]
    public void Unnamed_list_elements_are_counted()
    {
        var failure = ObjectMatcher.FirstMismatch(JsonNode.Parse("""{ "ports": [ { "port": 81 } ] }"""), JsonNode.Parse("""{ "ports": [ { "port": 80 }, { "port": 443 } ] }"""))!;
        failure.Message.Should().Be("expected ports to have an element matching {port: 81}, found none (2 elements)");
    }

    [Fact]
    public void A_scalar_list_element_must_be_contained() =>
        ObjectMatcher.FirstMismatch(JsonNode.Parse("""{ "args": ["--debug"] }"""), JsonNode.Parse("""{ "args": ["--port", "80"] }"""))!.Message
            .Should().Be("expected args to contain \"--debug\", found [\"--port\", \"80\"]");

    [Fact]
    public void Labels_with_dots_are_quoted_in_the_path() =>
        Mismatch("""{ "metadata": { "labels": { "app.kubernetes.io/name": "result" } } }""")!.Path
            .Should().Be("metadata.labels[\"app.kubernetes.io/name\"]");

    [Theory]
    [InlineData("""{ "$gte": 1 }""", true)]
    [InlineData("""{ "$gt": 0 }""", true)]
    [InlineData("""{ "$lte": 1 }""", true)]
    [InlineData("""{ "$lt": 2 }""", true)]
    [InlineData("""{ "$gt": 1 }""", false)]
    [InlineData("""{ "$lt": 1 }""", false)]
    [InlineData("""{ "$gte": 3 }""", false)]
    [InlineData("""{ "$gte": 1, "$lte": 0 }""", false)]
    public void Numeric_order_operators(string op, bool passes) =>
        (Mismatch($$"""{ "status": { "readyReplicas": {{op}} } }""") is null).Should().Be(passes);

    [Fact]
    public void A_failed_order_reads_as_a_comparison() =>
        Mismatch("""{ "status": { "readyReplicas": { "$gte": 3 } } }""")!.Message.Should().Be("expected status.readyReplicas >= 3, found 1");

    [Fact]
    public void An_order_on_a_missing_field_is_found_nothing() =>
        Mismatch("""{ "status": { "availableReplicas": { "$gt": 0 } } }""")!.Message.Should().Be("expected status.availableReplicas > 0, found nothing");

    [Fact]
    public void Quantities_compare_by_value()
    {
        Mismatch("""{ "spec": { "template": { "spec": { "containers": [ { "name": "vote", "resources": { "limits": { "memory": { "$gte": "100Mi", "$lte": "1Gi" }, "cpu": { "$lt": 1 } } } } ] } } } }""")
            .Should().BeNull();
        Mismatch("""{ "spec": { "template": { "spec": { "containers": [ { "name": "vote", "resources": { "limits": { "memory": { "$gte": "256Mi" } } } } ] } } } }""")!
            .Message.Should().Be("expected spec.template.spec.containers[vote].resources.limits.memory >= 256Mi, found 128Mi");
    }

    [Fact]
    public void Order_against_a_word_says_it_is_not_a_number() =>
        Mismatch("""{ "metadata": { "name": { "$gt": 1 } } }""")!.Message.Should().Be("expected metadata.name > 1, found \"vote\" (not a number)");

    [Fact]
    public void Eq_and_ne()
    {
        Mismatch("""{ "spec": { "replicas": { "$eq": 2 } } }""").Should().BeNull();
        Mismatch("""{ "spec": { "replicas": { "$eq": 3 } } }""")!.Message.Should().Be("expected spec.replicas to be 3, found 2");
        Mismatch("""{ "spec": { "replicas": { "$ne": 3 } } }""").Should().BeNull();
        Mismatch("""{ "spec": { "replicas": { "$ne": 2 } } }""")!.Message.Should().Be("expected spec.replicas not to be 2, found 2");
    }

    [Fact]
    public void Eq_compares_whole_maps_not_subsets()
    {
        Mismatch("""{ "metadata": { "labels": { "$eq": { "app": "vote" } } } }""").Should().NotBeNull();
        Mismatch("""{ "metadata": { "labels": { "$eq": { "app": "vote", "app.kubernetes.io/name": "vote" } } } }""").Should().BeNull();
    }

    [Fact]
    public void Ne_passes_on_a_missing_field() =>
        Mismatch("""{ "spec": { "paused": { "$ne": true } } }""").Should().BeNull();

    [Fact]
    public void Regex_searches_the_string()
    {
        Mismatch("""{ "metadata": { "name": { "$regex": "^vo" } } }""").Should().BeNull();
        Mismatch("""{ "metadata": { "name": { "$regex": "^result$" } } }""")!.Message.Should().Be("expected metadata.name to match /^result$/, found \"vote\"");
        Mismatch("""{ "metadata": { "namespace": { "$regex": "." } } }""")!.Message.Should().Be("expected metadata.namespace to match /./, found nothing");
    }

    [Fact]
    public void Exists_true_and_false()
    {
        Mismatch("""{ "status": { "readyReplicas": { "$exists": true } } }""").Should().BeNull();
        Mismatch("""{ "status": { "paused": { "$exists": false } } }""").Should().BeNull();
        Mismatch("""{ "spec": { "paused": { "$exists": true } } }""")!.Message.Should().Be("expected spec.paused to be there, found nothing");
        Mismatch("""{ "spec": { "replicas": { "$exists": false } } }""")!.Message.Should().Be("expected spec.replicas not to be there, found 2");
    }

    [Fact]
    public void Exists_false_passes_under_a_missing_parent() =>
        Mismatch("""{ "spec": { "strategy": { "rollingUpdate": { "$exists": false } } } }""").Should().BeNull();

    [Fact]
    public void Len_of_a_list_map_and_string()
    {
        Mismatch("""{ "spec": { "template": { "spec": { "containers": { "$len": 2 } } } } }""").Should().BeNull();
        Mismatch("""{ "metadata": { "labels": { "$len": 2 }, "name": { "$len": 4 } } }""").Should().BeNull();
        Mismatch("""{ "spec": { "template": { "spec": { "containers": { "$len": 1 } } } } }""")!.Message
            .Should().Be("expected spec.template.spec.containers to have length 1, found 2 (containers: vote, sidecar)");
    }

    [Fact]
    public void Len_with_an_operator_map()
    {
        Mismatch("""{ "spec": { "template": { "spec": { "containers": { "$len": { "$gte": 2 } } } } } }""").Should().BeNull();
        Mismatch("""{ "spec": { "template": { "spec": { "containers": { "$len": { "$gte": 3 } } } } } }""")!.Message
            .Should().Be("expected len(spec.template.spec.containers) >= 3, found 2");
    }

    [Fact]
    public void Len_of_a_number_has_no_length() =>
        Mismatch("""{ "spec": { "replicas": { "$len": 1 } } }""")!.Message.Should().Contain("which has no length");

    [Fact]
    public void In_a_list_of_values()
    {
        Mismatch("""{ "spec": { "replicas": { "$in": [1, 2, 3] } } }""").Should().BeNull();
        Mismatch("""{ "kind": { "$in": ["StatefulSet", "DaemonSet"] } }""")!.Message
            .Should().Be("expected kind to be one of [StatefulSet, DaemonSet], found \"Deployment\"");
    }

    [Fact]
    public void Not_on_a_scalar()
    {
        Mismatch("""{ "spec": { "replicas": { "$not": 3 } } }""").Should().BeNull();
        Mismatch("""{ "spec": { "replicas": { "$not": 2 } } }""")!.Message.Should().Be("expected spec.replicas not to be 2, found 2");
    }

    [Fact]
    public void Not_with_an_operator_map() =>
        Mismatch("""{ "spec": { "template": { "spec": { "containers": [ { "name": "vote", "image": { "$not": { "$regex": ":v1$" } } } ] } } } }""")!
            .Message.Should().Be("expected spec.template.spec.containers[vote].image not to match /:v1$/, found \"dockersamples/examplevotingapp_vote:v1\"");

    [Fact]
    public void Not_on_a_list_means_no_element_matches()
    {
        Mismatch("""{ "spec": { "template": { "spec": { "containers": { "$not": { "name": "debug" } } } } } }""").Should().BeNull();
        Mismatch("""{ "spec": { "template": { "spec": { "containers": { "$not": { "image": "busybox" } } } } } }""")!.Message
            .Should().Be("expected spec.template.spec.containers to have no element matching {image: busybox}, found one (sidecar)");
    }

    [Fact]
    public void Not_passes_when_the_field_is_missing() =>
        Mismatch("""{ "spec": { "paused": { "$not": true } } }""").Should().BeNull();

    [Fact]
    public void Several_operators_must_all_hold() =>
        Mismatch("""{ "spec": { "replicas": { "$gte": 1, "$ne": 2 } } }""")!.Message.Should().Be("expected spec.replicas not to be 2, found 2");

    [Fact]
    public void An_unknown_operator_fails_with_the_valid_list() =>
        Mismatch("""{ "spec": { "replicas": { "$gtee": 1 } } }""")!.Message.Should().Contain("unknown operator $gtee").And.Contain("$gte");

    [Fact]
    public void Null_expected_means_not_set()
    {
        Mismatch("""{ "spec": { "paused": null } }""").Should().BeNull();
        Mismatch("""{ "spec": { "replicas": null } }""")!.Message.Should().Be("expected spec.replicas not to be set, found 2");
    }

    [Fact]
    public void Long_values_are_cut_short_in_messages()
    {
        var failure = ObjectMatcher.FirstMismatch(
            JsonNode.Parse("""{ "items": [ { "name": "a-very-long-name-for-a-container", "image": "registry.example.com/team/project/image:1.2.3" } ] }"""),
            JsonNode.Parse("""{ "items": [] }"""))!;
        failure.Message.Should().Contain("…").And.EndWith("found none (the list is empty)");
    }
}
