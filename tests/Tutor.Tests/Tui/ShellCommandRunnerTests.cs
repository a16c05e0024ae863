using System.Diagnostics;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>The real runner: /bin/sh, piped output, the environment given, stopping on cancel.</summary>
public class ShellCommandRunnerTests
{
    [Fact]
    public async Task Runs_through_sh_with_the_environment_and_reports_both_streams_and_the_exit_code()
    {
        var lines = new List<(string, bool)>();

        var code = await new ShellCommandRunner().RunAsync(
            "echo hello from sh; echo \"$KUBECONFIG\"; pwd; echo oops >&2; exit 3",
            "/tmp",
            new Dictionary<string, string> { ["KUBECONFIG"] = "/tmp/tutor-test.kubeconfig" },
            (text, error) => { lock (lines) lines.Add((text, error)); },
            CancellationToken.None);

        code.Should().Be(3);
        lines.Should().Contain(("hello from sh", false)).And.Contain(("/tmp/tutor-test.kubeconfig", false)).And.Contain(("oops", true)).And.Contain(("/tmp", false));
    }

    [Fact]
    public async Task A_command_waiting_for_input_gets_end_of_file_instead_of_hanging()
    {
        var code = await new ShellCommandRunner().RunAsync("read line || exit 4; echo got it", null, null, (_, _) => { }, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        code.Should().Be(4);
    }

    [Fact]
    public async Task Cancelling_stops_the_command()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var run = () => new ShellCommandRunner().RunAsync("sleep 30", null, null, (_, _) => { }, cancel.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }
}
