using System.Text.Json.Nodes;

namespace Tutor.Tests.Cli;

/// <summary><c>tutor test</c> through the real command line, on sandboxes it starts itself.</summary>
public sealed class TestVerbTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Every_shipped_lesson_passes_the_harness_on_the_sandbox()
    {
        var run = await _cli.RunAsync("test", "--sandbox", "--settle", "5", "--output", "json");

        run.Exit.Should().Be(0, run.Out + run.Error);
        var report = JsonNode.Parse(run.Out)!;
        report["passed"]!.GetValue<bool>().Should().BeTrue();
        var lessons = report["lessons"]!.AsArray();
        lessons.Select(l => l!["lesson"]!.GetValue<string>()).Should().Equal(Engine.ShippedCatalogue.Files().Catalogue.Lessons.Select(l => l.Id));
        foreach (var lesson in lessons)
        {
            var phases = lesson!["steps"]!.AsArray().Select(r => r!["phase"]!.GetValue<string>()).Distinct();
            phases.Should().Contain(["reset", "solve", "clean"], $"lesson {lesson["lesson"]} goes through every phase");
        }
    }

    [Fact]
    public async Task A_step_whose_checks_pass_on_the_reset_state_is_reported_as_vacuous()
    {
        using var catalogue = new TemporaryCatalogue()
            .Lesson("901", checks: "- title: The cluster answers\n  reachable: true\n", solution: ConfigMap("a", "1"));

        var run = await _cli.RunAsync("test", "--sandbox", "--lessons", catalogue.Root, "--output", "json");

        run.Exit.Should().Be(1, run.Out + run.Error);
        var rows = Rows(run.Out, "901");
        rows.Should().Contain(r => r.Phase == "reset" && !r.Passed && r.Check == "The cluster answers" && r.Result.Contains("VACUOUS"));
    }

    [Fact]
    public async Task A_solution_that_does_not_pass_its_checks_within_the_budget_fails_the_lesson()
    {
        using var catalogue = new TemporaryCatalogue()
            .Lesson("902", checks: HasA("2"), solution: ConfigMap("a", "1"), timeoutSeconds: 2);

        var run = await _cli.RunAsync("test", "--sandbox", "--lessons", catalogue.Root, "902");

        run.Exit.Should().Be(1, run.Out + run.Error);
        run.Out.Should().Contain("did not pass within 2 s").And.Contain("expected data.a to be \"2\", found \"1\"");
        run.Out.Should().Contain("1 of 1 lessons fail.");
    }

    [Fact]
    public async Task A_starter_that_differs_from_the_solution_but_passes_its_checks_fails_the_lesson()
    {
        using var catalogue = new TemporaryCatalogue()
            .Lesson("903", checks: HasA("1"), solution: ConfigMap("a", "1"), manifest: "# nothing is wrong here\n" + ConfigMap("a", "1"));

        var run = await _cli.RunAsync("test", "--sandbox", "--settle", "2", "--lessons", catalogue.Root, "--output", "json");

        run.Exit.Should().Be(1, run.Out + run.Error);
        var rows = Rows(run.Out, "903");
        rows.Should().Contain(r => r.Phase == "solve" && r.Passed);
        rows.Should().Contain(r => r.Phase == "starter" && !r.Passed && r.Result.Contains("passes with the starter"));
        rows.Where(r => r.Phase != "starter").Should().OnlyContain(r => r.Passed, "only the starter is wrong");
    }

    [Fact]
    public async Task A_broken_starter_passes_the_harness_when_its_checks_fail_with_a_reason()
    {
        using var catalogue = new TemporaryCatalogue()
            .Lesson("904", checks: HasA("1"), solution: ConfigMap("a", "1"), manifest: ConfigMap("a", "0"));

        var run = await _cli.RunAsync("test", "--sandbox", "--settle", "2", "--lessons", catalogue.Root, "--output", "json");

        run.Exit.Should().Be(0, run.Out + run.Error);
        Rows(run.Out, "904").Should().Contain(r => r.Phase == "starter" && r.Passed && r.Result.Contains("found \"0\""));
    }

    [Fact]
    public async Task A_starter_the_API_server_refuses_fails_the_lesson_unless_the_step_says_it_is_refused_on_purpose()
    {
        using var catalogue = new TemporaryCatalogue()
            .Lesson("905", checks: HasA("1"), solution: ConfigMap("a", "1"), manifest: TooSmallALimit)
            .Lesson("906", checks: HasA("1"), solution: ConfigMap("a", "1"), manifest: TooSmallALimit, starterRefused: true)
            .Lesson("907", checks: HasA("1"), solution: ConfigMap("a", "1"), manifest: ConfigMap("a", "0"), starterRefused: true);

        var run = await _cli.RunAsync("test", "--sandbox", "--settle", "2", "--lessons", catalogue.Root, "--output", "json");

        run.Exit.Should().Be(1, run.Out + run.Error);
        Rows(run.Out, "905").Should().Contain(r => r.Phase == "starter" && !r.Passed && r.Result.Contains("less than or equal to memory limit"));
        Rows(run.Out, "906").Should().OnlyContain(r => r.Passed)
            .And.Contain(r => r.Phase == "starter" && r.Result.StartsWith("refused: ") && r.Result.Contains("less than or equal to memory limit"));
        Rows(run.Out, "907").Should().Contain(r => r.Phase == "starter" && !r.Passed && r.Result.Contains("was accepted"));
    }

    /// <summary>A Pod whose memory request is above its limit (a limit of 128 bytes): the API server refuses it.</summary>
    private const string TooSmallALimit = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests: { memory: 64Mi }
                limits: { memory: "128" }
        """;

    private static string ConfigMap(string key, string value) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: options\ndata:\n  {key}: \"{value}\"\n";

    private static string HasA(string value) =>
        $"- title: The options ConfigMap has a={value}\n  resource: v1 ConfigMap options\n  match:\n    data: {{ a: \"{value}\" }}\n";

    private sealed record Row(string Phase, string Check, bool Passed, string Result);

    private static List<Row> Rows(string json, string lesson) =>
        JsonNode.Parse(json)!["lessons"]!.AsArray()
            .Single(l => l!["lesson"]!.GetValue<string>() == lesson)!["steps"]!.AsArray()
            .Select(r => new Row(r!["phase"]!.GetValue<string>(), r["check"]!.GetValue<string>(), r["passed"]!.GetValue<bool>(), r["result"]!.GetValue<string>()))
            .ToList();
}
