using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Tutor.Sandbox;

namespace Tutor.Tests.Cli;

public sealed class VerbTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();
    private SandboxServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(300) });
        _cli.WriteKubeconfig(_server.Kubeconfig());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Check_fails_with_1_before_apply_and_passes_with_0_after_in_the_documented_json()
    {
        var before = await _cli.RunAsync("check", "101", "--output", "json");
        before.Exit.Should().Be(1, before.Error);
        var report = JsonNode.Parse(before.Out)!;
        report["lesson"]!.GetValue<string>().Should().Be("101");
        report["passed"]!.GetValue<bool>().Should().BeFalse();
        var checks = report["checks"]!.AsArray();
        checks.Should().NotBeEmpty();
        checks.Select(c => c!["step"]!.GetValue<int>()).Distinct().Should().Equal(1, 2);
        checks.Should().OnlyContain(c => c!["title"] != null && c["message"] != null && c["passed"] != null);

        (await _cli.RunAsync("apply", "101", "--step", "1")).Exit.Should().Be(0);
        (await _cli.RunAsync("apply", "101", "--step", "2")).Exit.Should().Be(0, "step 2's starter is valid, only incomplete");
        var step1 = await _cli.RunAsync("check", "101", "--step", "1", "-o", "json");
        step1.Exit.Should().Be(0, step1.Out);

        (await _cli.RunAsync("solve", "101")).Exit.Should().Be(0);
        var after = await _cli.RunAsync("check", "101");
        after.Exit.Should().Be(0, after.Out);
        after.Out.Should().Contain("All 5 checks pass");
    }

    [Fact]
    public async Task Check_wait_returns_0_once_pods_are_ready_and_1_when_time_runs_out()
    {
        var timedOut = await _cli.RunAsync("check", "120", "--wait", "1");
        timedOut.Exit.Should().Be(1);

        (await _cli.RunAsync("solve", "120")).Exit.Should().Be(0);
        var waited = await _cli.RunAsync("check", "120", "--wait", "30");

        waited.Exit.Should().Be(0, waited.Out);
        var listed = JsonNode.Parse((await _cli.RunAsync("list", "--output", "json")).Out)!["lessons"]!.AsArray();
        var lesson = listed.Single(l => l!["id"]!.GetValue<string>() == "120")!;
        lesson["stepsDone"]!.GetValue<int>().Should().Be(2, "passing checks are recorded as progress");
        lesson["level"]!.GetValue<int>().Should().Be(100);
        lesson["title"]!.GetValue<string>().Should().Be("Deployments");
    }

    [Fact]
    public async Task A_failing_check_says_why_in_words()
    {
        (await _cli.RunAsync("apply", "130", "--step", "1")).Exit.Should().Be(0);

        var result = await _cli.RunAsync("check", "130", "--step", "2", "-o", "json");

        result.Exit.Should().Be(1);
        var failing = JsonNode.Parse(result.Out)!["checks"]!.AsArray().Where(c => !c!["passed"]!.GetValue<bool>()).ToList();
        failing.Should().NotBeEmpty();
        failing.Should().OnlyContain(c => c!["message"]!.GetValue<string>().Length > 10);
    }

    [Fact]
    public async Task An_unknown_lesson_is_bad_input_with_a_suggestion()
    {
        var result = await _cli.RunAsync("check", "12O");

        result.Exit.Should().Be(2);
        result.Error.Should().Contain("no lesson \"12O\"").And.Contain("did you mean \"120\"");
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        (await _cli.RunAsync("check")).Exit.Should().Be(2);
        (await _cli.RunAsync("reset")).Exit.Should().Be(2);
        (await _cli.RunAsync("check", "120", "--output", "yaml")).Exit.Should().Be(2);
        (await _cli.RunAsync("check", "120", "--step", "9")).Exit.Should().Be(2);
    }

    [Fact]
    public async Task Reset_brings_a_lesson_back_to_its_setup()
    {
        (await _cli.RunAsync("solve", "120")).Exit.Should().Be(0);

        var reset = await _cli.RunAsync("reset", "120");

        reset.Exit.Should().Be(0, reset.Error);
        reset.Out.Should().Contain("deployment.apps/vote deleted").And.Contain("pod/vote created");
        (await _cli.RunAsync("check", "120", "--step", "1")).Exit.Should().Be(1);
    }

    [Fact]
    public async Task An_unreachable_cluster_exits_3_naming_the_server()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var cli = new CliRun();
        cli.WriteKubeconfig(_server.Kubeconfig().Replace(_server.Url.Port.ToString(), port.ToString()));

        var result = await cli.RunAsync("check", "101");

        result.Exit.Should().Be(3);
        result.Error.Should().Contain($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task With_no_cluster_configured_verbs_exit_3_and_say_how_to_get_one()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("apply", "101");

        result.Exit.Should().Be(3);
        result.Error.Should().Contain("tutor sandbox").And.Contain("kind");
    }

    [Fact]
    public async Task A_context_that_does_not_look_local_needs_yes()
    {
        using var cli = new CliRun();
        cli.WriteKubeconfig(_server.Kubeconfig("prod-eu").Replace("https://127.0.0.1", "https://localhost.example"));

        var result = await cli.RunAsync("apply", "101");

        result.Exit.Should().Be(2);
        result.Error.Should().Contain("prod-eu").And.Contain("--yes");
    }

    [Fact]
    public async Task List_and_show_need_no_cluster()
    {
        using var cli = new CliRun();

        var list = await cli.RunAsync("list");
        var show = await cli.RunAsync("show", "120");

        list.Exit.Should().Be(0);
        list.Out.Should().Contain("101").And.Contain("Meet your cluster");
        show.Exit.Should().Be(0);
        show.Out.Should().Contain("manifests/120-deployments/step-1.yaml").And.Contain("The vote Deployment has rolled out");
    }

    [Fact]
    public async Task Doctor_recognises_the_sandbox_and_says_which_lessons_it_can_run()
    {
        var run = await _cli.RunAsync("doctor", "--output", "json");

        var report = JsonNode.Parse(run.Out)!;
        report["kind"]!.GetValue<string>().Should().Be("sandbox");
        var findings = report["findings"]!.AsArray();
        findings.Single(f => f!["name"]!.GetValue<string>() == "cluster")!["status"]!.GetValue<string>().Should().Be("ok");
        findings.Single(f => f!["name"]!.GetValue<string>() == "metrics-server")!["status"]!.GetValue<string>().Should().Be("missing");
        var lessons = report["lessons"]!.AsArray();
        lessons.Select(l => l!["lesson"]!.GetValue<string>()).Should().Contain(["101", "160"]);
        lessons.Single(l => l!["lesson"]!.GetValue<string>() == "120")!["runnable"]!.GetValue<bool>().Should().BeTrue();
        run.Exit.Should().Be(report["healthy"]!.GetValue<bool>() ? 0 : 1, "exit 0 means kubectl and the cluster are fine");
    }

    [Fact]
    public async Task Diff_shows_the_drift_from_a_solution_and_exits_0_once_it_matches()
    {
        (await _cli.RunAsync("solve", "120")).Exit.Should().Be(0);
        var solved = await _cli.RunAsync("diff", "120", "--step", "2");
        solved.Exit.Should().Be(0, solved.Out + solved.Error);
        solved.Out.Should().Contain("No drift");

        (await _cli.RunAsync("apply", "120", "--step", "2")).Exit.Should().Be(0, "the starter asks for 1 replica");
        var drifted = await _cli.RunAsync("diff", "120", "--step", "2");

        drifted.Exit.Should().Be(1, drifted.Out);
        drifted.Out.Should().Contain("--- solution apps/v1 Deployment vote").And.Contain("-  replicas: 3").And.Contain("+  replicas: 1");
        drifted.Out.Should().NotContain("resourceVersion").And.NotContain("status");
    }
}
