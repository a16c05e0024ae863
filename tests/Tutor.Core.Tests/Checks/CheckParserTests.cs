using System.Text.Json;
using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Tests.Checks;

public class CheckParserTests
{
    private const string File = "manifests/120-deployments/step-1.checks.yaml";

    private static CheckParseResult Parse(string yaml) => CheckParser.Parse(yaml, File);

    private static string SingleError(string yaml)
    {
        var result = Parse(yaml);
        result.Ok.Should().BeFalse();
        result.Errors.Should().HaveCount(1, "expected one error but got: {0}", string.Join(" | ", result.Errors));
        return result.Errors[0].ToString();
    }

    [Fact]
    public void Reads_every_form_of_the_authoring_guide()
    {
        var result = Parse("""
            - title: The vote Deployment asks for 3 replicas
              resource: apps/v1 Deployment vote
              match:
                spec: { replicas: 3 }
                status: { readyReplicas: { $gte: 3 } }
              hint: Scale it.
            - title: The lesson namespace exists
              resource: v1 Namespace {namespace}
              exists: true
            - title: The old Pod is gone
              resource: v1 Pod vote
              absent: true
            - title: Three vote Pods are running
              count:
                resource: v1 Pod
                selector: app=vote,tier=frontend
                match: { status: { phase: Running } }
                min: 3
            - title: The Deployment has rolled out
              resource: apps/v1 Deployment vote
              rolledOut: true
            - title: The Service has 3 ready endpoints
              resource: v1 Service vote
              endpoints: { min: 3 }
            - title: The Service selects the vote Pods
              resource: v1 Service vote
              selects: { resource: v1 Pod, min: 3 }
            - title: The cluster answers
              reachable: true
            """);

        result.Errors.Should().BeEmpty();
        result.Checks.Select(c => c.GetType()).Should().Equal(
            typeof(MatchCheck), typeof(ExistsCheck), typeof(AbsentCheck), typeof(CountCheck),
            typeof(RolledOutCheck), typeof(EndpointsCheck), typeof(SelectsCheck), typeof(ReachableCheck));
        result.Checks.Select(c => c.Line).Should().Equal(1, 7, 10, 13, 19, 22, 25, 28);

        var match = (MatchCheck)result.Checks[0];
        match.Title.Should().Be("The vote Deployment asks for 3 replicas");
        match.Hint.Should().Be("Scale it.");
        match.Resource.Should().Be(new ResourceRef(new ResourceKind("apps/v1", "Deployment"), "vote"));
        JsonNode.DeepEquals(match.Expected, JsonNode.Parse("""{ "spec": { "replicas": 3 }, "status": { "readyReplicas": { "$gte": 3 } } }""")).Should().BeTrue();

        ((ExistsCheck)result.Checks[1]).Resource.NamesLearnerNamespace.Should().BeTrue();
        var count = (CountCheck)result.Checks[3];
        count.Kind.Should().Be(new ResourceKind("v1", "Pod"));
        count.Selector!.ToString().Should().Be("app=vote,tier=frontend");
        count.Bounds.Should().Be(new CountBounds(3, null, null));
        ((EndpointsCheck)result.Checks[5]).Bounds.Min.Should().Be(3);
        ((SelectsCheck)result.Checks[6]).Target.Should().Be(new ResourceKind("v1", "Pod"));
    }

    [Fact]
    public void Scalars_keep_their_yaml_types()
    {
        var result = Parse("""
            - title: types
              resource: v1 ConfigMap settings
              match:
                number: 3
                text: "3"
                single: '3'
                flag: true
                quotedFlag: "true"
                real: 1.5
                word: Running
                nothing: null
            """);
        var expected = ((MatchCheck)result.Checks.Single()).Expected;
        expected["number"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        expected["text"]!.GetValueKind().Should().Be(JsonValueKind.String);
        expected["single"]!.GetValueKind().Should().Be(JsonValueKind.String);
        expected["flag"]!.GetValueKind().Should().Be(JsonValueKind.True);
        expected["quotedFlag"]!.GetValueKind().Should().Be(JsonValueKind.String);
        expected["real"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        expected["word"]!.GetValue<string>().Should().Be("Running");
        expected.AsObject().ContainsKey("nothing").Should().BeTrue();
        expected["nothing"].Should().BeNull();
    }

    [Fact]
    public void Broken_yaml_names_its_line() =>
        SingleError("""
            - title: ok
              resource: v1 Pod vote
              match: { spec: [ }
            """).Should().StartWith($"{File}:3: not valid YAML");

    [Fact]
    public void A_map_instead_of_a_list() =>
        SingleError("""
            title: lonely
            reachable: true
            """).Should().Be($"{File}:1: a checks file is a YAML list of checks (each starting with `- title:`), found a map");

    [Fact]
    public void An_empty_file() =>
        SingleError("").Should().Contain(":1: the checks file is empty");

    [Fact]
    public void A_check_without_title() =>
        SingleError("""
            - title: fine
              reachable: true
            - resource: v1 Pod vote
              exists: true
            """).Should().Be($"{File}:3: check has no title (say what it proves, as the learner will read it)");

    [Fact]
    public void A_check_without_form() =>
        SingleError("""
            - title: Nothing to do
              resource: v1 Pod vote
            """).Should().StartWith($"{File}:1: check \"Nothing to do\" has no form; give exactly one of match, exists");

    [Fact]
    public void A_check_with_two_forms_points_at_the_second() =>
        SingleError("""
            - title: Greedy
              resource: v1 Pod vote
              exists: true
              absent: true
            """).Should().Be($"{File}:4: check \"Greedy\" has two forms (exists and absent); a check has exactly one — split it into two checks");

    [Fact]
    public void A_typo_in_a_key_suggests_the_nearest() =>
        SingleError("""
            - title: Typo
              resorce: v1 Pod vote
              exists: true
            """).Should().Contain($"{File}:2: unknown key \"resorce\" in a check; did you mean \"resource\"?");

    [Fact]
    public void A_typo_in_a_form_is_one_error_not_two() =>
        SingleError("""
            - title: Typo
              resource: apps/v1 Deployment vote
              rolledout: true
            """).Should().Be($"{File}:3: unknown key \"rolledout\" in a check; did you mean \"rolledOut\"?");

    [Fact]
    public void A_typo_inside_count_suggests_the_nearest()
    {
        var errors = Parse("""
            - title: Typo
              count:
                resource: v1 Pod
                selecter: app=vote
                min: 1
            """).Errors;
        errors.Should().ContainSingle().Which.ToString().Should().Be($"{File}:4: unknown key \"selecter\" in count; did you mean \"selector\"?");
    }

    [Fact]
    public void A_wild_key_lists_the_known_keys() =>
        SingleError("""
            - title: Wild
              reachable: true
              banana: 1
            """).Should().Contain("unknown key \"banana\" in a check (known keys: title, hint, resource");

    [Theory]
    [InlineData("Deployment vote", "the apiVersion is missing in \"Deployment vote\" (Deployment is apps/v1)")]
    [InlineData("apps/v1 Deployment", "resource must be `<apiVersion> <Kind> <name>`")]
    [InlineData("apps/v1 Deployment vote extra", "found \"apps/v1 Deployment vote extra\"")]
    [InlineData("v1 Deployment vote", "Deployment is in apps/v1, not v1")]
    [InlineData("apps/v1 deployment vote", "kind \"deployment\" must be written as in a manifest, starting with a capital letter (Deployment)")]
    [InlineData("apps/v1 Deployment Vote", "\"Vote\" is not a valid object name")]
    [InlineData("apps Deployment vote", "\"apps\" is not an apiVersion")]
    public void Bad_resource_syntax(string resource, string message) =>
        SingleError($"""
            - title: Bad resource
              resource: {resource}
              exists: true
            """).Should().StartWith($"{File}:2:").And.Contain(message);

    [Fact]
    public void Count_resource_has_no_name() =>
        SingleError("""
            - title: Count
              count:
                resource: v1 Pod vote
                min: 1
            """).Should().StartWith($"{File}:3: resource must be `<apiVersion> <Kind>`");

    [Fact]
    public void A_resource_beside_count_is_moved_inside() =>
        SingleError("""
            - title: Count
              resource: v1 Pod
              count: { resource: v1 Pod, min: 1 }
            """).Should().Contain(":2: count names its kind inside it");

    [Fact]
    public void A_form_that_needs_a_resource_says_so() =>
        SingleError("""
            - title: What
              rolledOut: true
            """).Should().Be($"{File}:2: rolledOut needs a resource: `<apiVersion> <Kind> <name>`, e.g. `apps/v1 Deployment vote`");

    [Fact]
    public void An_unknown_operator_is_named_with_the_valid_ones()
    {
        var error = SingleError("""
            - title: Op
              resource: apps/v1 Deployment vote
              match:
                status:
                  readyReplicas: { $gtee: 3 }
            """);
        error.Should().StartWith($"{File}:5: unknown operator $gtee at status.readyReplicas; did you mean $gte?");
        error.Should().Contain("Valid operators: $eq, $ne, $gt, $gte, $lt, $lte, $regex, $exists, $len, $in, $not");
    }

    [Theory]
    [InlineData("{ $regex: 3 }", "$regex at spec.x needs a string (quote it), found the number 3")]
    [InlineData("{ $regex: \"([a-z\" }", "$regex at spec.x is not a valid regular expression")]
    [InlineData("{ $len: abc }", "$len at spec.x needs a whole number or an operator map")]
    [InlineData("{ $len: -1 }", "$len at spec.x needs a whole number")]
    [InlineData("{ $in: vote }", "$in at spec.x needs a list of values, found \"vote\"")]
    [InlineData("{ $exists: yes }", "$exists at spec.x needs true or false, found \"yes\"")]
    [InlineData("{ $gte: lots }", "$gte at spec.x needs a number or a quantity such as 500m or 128Mi")]
    [InlineData("{ $not: { $regexp: a } }", "unknown operator $regexp at spec.x; did you mean $regex?")]
    [InlineData("{ $len: { $gtx: 1 } }", "unknown operator $gtx at spec.x")]
    public void Operators_with_the_wrong_argument(string expectation, string message) =>
        SingleError($"""
            - title: Op
              resource: v1 ConfigMap c
              match:
                spec:
                  x: {expectation}
            """).Should().StartWith($"{File}:5:").And.Contain(message);

    [Fact]
    public void Valid_operators_pass_validation() =>
        Parse("""
            - title: Ops
              resource: v1 ConfigMap c
              match:
                a: { $eq: 1, $ne: 2 }
                b: { $gt: 1, $gte: 500m, $lt: 2Gi, $lte: 3 }
                c: { $regex: "^v[0-9]+$" }
                d: { $exists: false }
                e: { $len: 2 }
                f: { $len: { $gte: 1 } }
                g: { $in: [a, b] }
                h: { $not: { $regex: latest } }
                i: [ { name: vote, image: { $not: "nginx:latest" } } ]
            """).Errors.Should().BeEmpty();

    [Fact]
    public void Mixing_operators_and_fields_is_refused() =>
        SingleError("""
            - title: Mix
              resource: v1 ConfigMap c
              match:
                spec: { $exists: true, replicas: 3 }
            """).Should().Contain(":4: spec mixes operators ($exists) and fields (replicas)");

    [Fact]
    public void An_invalid_selector_names_the_line() =>
        SingleError("""
            - title: Sel
              count:
                resource: v1 Pod
                selector: app in (vote
                min: 1
            """).Should().StartWith($"{File}:4: invalid label selector: missing ')'");

    [Theory]
    [InlineData("min: -1", "min must be a whole number of 0 or more, found the number -1")]
    [InlineData("min: 1.5", "min must be a whole number of 0 or more")]
    [InlineData("max: three", "max must be a whole number of 0 or more, found \"three\"")]
    [InlineData("equals: \"3\"", "equals must be a whole number of 0 or more, found \"3\"")]
    public void Bounds_must_be_non_negative_whole_numbers(string bound, string message) =>
        SingleError($"""
            - title: Bounds
              count:
                resource: v1 Pod
                {bound}
            """).Should().StartWith($"{File}:4: {message}");

    [Fact]
    public void Count_needs_a_bound() =>
        SingleError("""
            - title: Bounds
              count:
                resource: v1 Pod
            """).Should().Contain("count needs min, max or equals");

    [Fact]
    public void Equals_is_exclusive_and_min_not_above_max()
    {
        SingleError("""
            - title: Both
              count: { resource: v1 Pod, equals: 1, min: 1 }
            """).Should().Contain("use equals alone");
        SingleError("""
            - title: Crossed
              count: { resource: v1 Pod, min: 3, max: 1 }
            """).Should().Contain("min (3) is larger than max (1)");
    }

    [Fact]
    public void Exists_false_points_to_absent() =>
        SingleError("""
            - title: Wrong way
              resource: v1 Pod vote
              exists: false
            """).Should().Be($"{File}:3: exists takes only `true`, found false; to check that an object is gone, write `absent: true`");

    [Fact]
    public void Rolled_out_only_applies_to_workloads() =>
        SingleError("""
            - title: Service rollout
              resource: v1 Service vote
              rolledOut: true
            """).Should().Contain(":3: rolledOut works on a Deployment, StatefulSet or DaemonSet, not a Service");

    [Fact]
    public void Endpoints_only_applies_to_services() =>
        SingleError("""
            - title: Deployment endpoints
              resource: apps/v1 Deployment vote
              endpoints: { min: 1 }
            """).Should().Contain(":2: endpoints works on a v1 Service, not apps/v1 Deployment");

    [Fact]
    public void Endpoints_and_selects_default_to_at_least_one()
    {
        var result = Parse("""
            - title: e
              resource: v1 Service vote
              endpoints: {}
            - title: s
              resource: v1 Service vote
              selects: { resource: v1 Pod }
            """);
        result.Errors.Should().BeEmpty();
        ((EndpointsCheck)result.Checks[0]).Bounds.Should().Be(new CountBounds(1, null, null));
        ((SelectsCheck)result.Checks[1]).Bounds.Should().Be(new CountBounds(1, null, null));
    }

    [Fact]
    public void Every_bad_check_is_reported_and_good_ones_are_kept()
    {
        var result = Parse("""
            - title: good
              reachable: true
            - title: bad one
              resource: v1 Pod
              exists: true
            - title: bad two
              resource: v1 Pod vote
              absent: maybe
            - title: good too
              resource: v1 Pod vote
              exists: true
            """);
        result.Errors.Select(e => e.Line).Should().Equal(4, 8);
        result.Checks.Select(c => c.Title).Should().Equal("good", "good too");
    }

    [Fact]
    public void A_duplicate_key_is_a_yaml_error_with_its_line() =>
        SingleError("""
            - title: dup
              reachable: true
              title: again
            """).Should().StartWith($"{File}:3:").And.Contain("Duplicate key");

    [Fact]
    public void Match_must_be_a_map() =>
        SingleError("""
            - title: m
              resource: v1 Pod vote
              match: Running
            """).Should().Contain(":3: match takes a map of the fields to compare");
}
