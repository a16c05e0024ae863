namespace Tutor.Tests.EndToEnd;

/// <summary>
/// The built app in a real terminal (tmux), driven by keys as a learner would: no cluster configured, so
/// Tutor starts its own sandbox; lesson 101 from the first screen to complete, then quit and come back.
/// </summary>
public sealed class FullLessonTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _home = Path.Combine(Path.GetTempPath(), "tutor-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public FullLessonTests() => Directory.CreateDirectory(_home);

    private TmuxSession Launch()
    {
        TmuxSession.Available.Should().BeTrue("the end-to-end tests need tmux (.ci/run installs it)");
        var tutor = Path.Combine(AppContext.BaseDirectory, "tutor");
        File.Exists(tutor).Should().BeTrue($"the built app should sit beside the tests at {tutor}");
        // No KUBECONFIG and an empty home: a newcomer with no cluster at all.
        return TmuxSession.Start($"cd '{_home}' && '{tutor}'", new Dictionary<string, string>
        {
            ["HOME"] = _home,
            ["XDG_STATE_HOME"] = Path.Combine(_home, "state"),
            ["KUBECONFIG"] = "",
            ["TERM"] = "xterm-256color",
        }, width: 130, height: 40);
    }

    [Fact]
    public void A_newcomer_completes_lesson_101_on_the_sandbox_and_resumes_after_quitting()
    {
        // A sandbox killed earlier left its kubeconfig behind: Tutor must start a new one, not ask about the dead one.
        var stale = Path.Combine(_home, "state", "tutor", "sandbox.kubeconfig");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, """
            apiVersion: v1
            kind: Config
            clusters: [{name: tutor-sandbox, cluster: {server: "https://127.0.0.1:9"}}]
            users: [{name: tutor-sandbox, user: {token: gone}}]
            contexts: [{name: tutor-sandbox, context: {cluster: tutor-sandbox, user: tutor-sandbox}}]
            current-context: tutor-sandbox
            """);

        using (var tmux = Launch())
        {
            var first = tmux.WaitForText("101 · Meet your cluster", Patience);
            first.Should().Contain("SIMULATED CLUSTER");
            tmux.WaitForText("Checks 1/3 passing", Patience);

            tmux.SendKeys("a");
            tmux.WaitForText("Step 1 done", Patience);
            tmux.SendKeys("n");
            tmux.WaitForText("step 2/2", Patience);

            tmux.SendKeys("h");
            tmux.WaitForText("Hint 1/3", Patience);
            tmux.SendKeys("s");
            tmux.WaitForText("Apply solution", Patience);
            tmux.SendKeys("Left");
            tmux.SendKeys("Enter");
            var complete = tmux.WaitForText("Lesson 101 complete", Patience);
            complete.Should().Contain("✓ 101");
            complete.Should().MatchRegex(@"2/\d+ steps", "two steps are done of all");

            tmux.SendKeys("n");
            tmux.WaitForText("110 · Pods and labels", Patience);
            tmux.SendKeys("q");
            tmux.WaitFor(_ => tmux.PaneDead, Patience, "Tutor to exit");
            tmux.ExitStatus.Should().Be(0);
        }

        using (var again = Launch())
        {
            // Both, as the first screen may be caught half drawn on a busy machine.
            again.WaitFor(s => s.Contains("110 · Pods and labels — step 1/2") && s.Contains("✓ 101"), Patience, "the resumed lesson and the tree");
            again.SendKeys("q");
            again.WaitFor(_ => again.PaneDead, Patience, "Tutor to exit");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }
}
