using Terminal.Gui.Input;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>x: the step's shell commands in a picker; Enter runs one into the output panel, y copies it.</summary>
public class LessonCommandTests
{
    private static readonly string[] Commands = ["kubectl get pods", "kubectl scale deployment vote --replicas=3\nkubectl rollout status deployment vote"];

    private static TutorState WithCommands(string[]? commands = null)
    {
        var state = SampleState.OnDeployments();
        return state with
        {
            Step = state.Step! with { Commands = commands ?? Commands },
            Connection = state.Connection with { ShellEnvironment = new Dictionary<string, string> { ["KUBECONFIG"] = "/tmp/sandbox.kubeconfig" } },
        };
    }

    private static TuiHarness Open(TutorState? state = null, FakeCommandRunner? runner = null) =>
        new(new FakeTutorEngine(state ?? WithCommands()), runner: runner ?? new FakeCommandRunner());

    [Fact]
    public void X_lists_the_steps_commands_and_runs_none_of_them()
    {
        using var ui = Open();

        ui.Press('x');

        var screen = ui.Screen;
        screen.Should().Contain("Commands of step 2").And.Contain("1  kubectl get pods").And.Contain("2  kubectl scale deployment vote --replicas=3");
        screen.Should().Contain("kubectl rollout status deployment vote").And.Contain("j/k choose · Enter run · y copy · Esc close");
        screen.Should().NotContain("A Deployment keeps desired state");
        ((FakeCommandRunner)ui.Runner).Runs.Should().BeEmpty();
    }

    [Fact]
    public void Enter_runs_the_chosen_command_with_the_clusters_environment_and_shows_its_output_and_exit_code()
    {
        var runner = new FakeCommandRunner { Output = [("deployment.apps/vote scaled", false), ("warning: slow", true)], ExitCode = 0 };
        using var ui = Open(runner: runner);

        ui.Press('x');
        ui.Press('j');
        ui.Press(Key.Enter);

        runner.Runs.Should().ContainSingle();
        runner.Runs[0].Command.Should().Be(Commands[1]);
        runner.Runs[0].Environment.Should().Contain("KUBECONFIG", "/tmp/sandbox.kubeconfig");
        runner.Runs[0].WorkingDirectory.Should().Be(SampleState.Catalogue.Root);
        var screen = ui.Screen;
        screen.Should().Contain("$ kubectl scale deployment vote --replicas=3").And.Contain("$ kubectl rollout status deployment vote");
        screen.Should().Contain("deployment.apps/vote scaled").And.Contain("warning: slow");
        screen.Should().MatchRegex(@"✓ exit 0 · \d+\.\d s · Esc closes");
    }

    [Fact]
    public void A_failing_command_shows_its_exit_code()
    {
        var runner = new FakeCommandRunner { Output = [("Error from server (NotFound)", true)], ExitCode = 1 };
        using var ui = Open(runner: runner);

        ui.Press('x');
        ui.Press(Key.Enter);

        ui.Screen.Should().Contain("Error from server (NotFound)").And.MatchRegex(@"✗ exit 1 · \d+\.\d s");
    }

    [Fact]
    public void Esc_closes_the_output_and_the_step_text_is_back()
    {
        using var ui = Open();
        ui.Press('x');
        ui.Press(Key.Enter);

        ui.Press(Key.Esc);

        var screen = ui.Screen;
        screen.Should().Contain("A Deployment keeps desired state").And.Contain("✗ 3 replicas ready");
        screen.Should().NotContain("exit 0");
        ui.Window.StopRequested.Should().BeFalse();
    }

    [Fact]
    public void Esc_closes_the_picker_without_running_anything()
    {
        var runner = new FakeCommandRunner();
        using var ui = Open(runner: runner);
        ui.Press('x');

        ui.Press(Key.Esc);

        runner.Runs.Should().BeEmpty();
        ui.Screen.Should().Contain("A Deployment keeps desired state").And.NotContain("Commands of step 2");
    }

    [Fact]
    public void Ctrl_C_stops_a_running_command()
    {
        var runner = new FakeCommandRunner { WaitForCancel = true, Output = [("Waiting for deployment rollout", false)] };
        using var ui = Open(runner: runner);
        ui.Press('x');
        ui.Press(Key.Enter);
        ui.Screen.Should().Contain("running").And.Contain("Ctrl+C or s stops");

        ui.Press(Key.C.WithCtrl);

        runner.Cancelled.Should().BeTrue();
        ui.Screen.Should().MatchRegex(@"✗ stopped after \d+\.\d s").And.Contain("Waiting for deployment rollout");
    }

    [Fact]
    public void Closing_the_output_stops_the_command_still_running()
    {
        var runner = new FakeCommandRunner { WaitForCancel = true };
        using var ui = Open(runner: runner);
        ui.Press('x');
        ui.Press(Key.Enter);

        ui.Press(Key.Esc);

        runner.Cancelled.Should().BeTrue();
    }

    [Fact]
    public void Y_copies_the_chosen_command_with_OSC_52_and_says_so()
    {
        var runner = new FakeCommandRunner();
        using var ui = Open(runner: runner);
        ui.Press('x');

        ui.Press('y');

        ui.Written.Should().Equal(Osc52.Copy("kubectl get pods"));
        ui.Screen.Should().Contain("✓ copied").And.Contain("Copied to the clipboard: kubectl get pods");
        runner.Runs.Should().BeEmpty();
    }

    [Fact]
    public void A_step_without_commands_says_so()
    {
        using var ui = Open(WithCommands([]));

        ui.Press('x');

        ui.Screen.Should().Contain("shows no commands to run").And.NotContain("Commands of step");
    }

    [Fact]
    public void Long_output_scrolls_and_follows_the_end()
    {
        var runner = new FakeCommandRunner { Output = Enumerable.Range(1, 200).Select(i => ($"line {i}", false)).ToList() };
        using var ui = Open(runner: runner);
        ui.Press('x');
        ui.Press(Key.Enter);

        ui.Screen.Should().Contain("line 200").And.NotContain("line 100 ");
        ui.Press(Key.Home);
        ui.Screen.Should().Contain("line 1").And.NotContain("line 200");
    }

    [Fact]
    public void Opening_the_picker_again_from_a_running_output_stops_the_command()
    {
        var runner = new FakeCommandRunner { WaitForCancel = true };
        using var ui = Open(runner: runner);
        ui.Press('x');
        ui.Press(Key.Enter);

        ui.Press('x');

        runner.Cancelled.Should().BeTrue();
        ui.Screen.Should().Contain("Commands of step 2");
    }
}
