using System.Drawing;
using Terminal.Gui.Input;
using Tutor.Core.Checks;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class MainWindowTests
{
    private static TuiHarness Open(TutorState? state = null, TuiOptions? options = null) =>
        new(new FakeTutorEngine(state ?? SampleState.OnDeployments()), options);

    private static int LineOf(IReadOnlyList<string> lines, string text) =>
        lines.Select((line, i) => (line, i)).First(x => x.line.Contains(text)).i;

    [Fact]
    public void Shows_the_lesson_tree_with_a_mark_per_lesson()
    {
        using var ui = Open();

        var screen = ui.Screen;
        screen.Should().Contain("100 Deploying apps").And.Contain("200 Shared clusters");
        screen.Should().Contain("✓ 101 Meet the cluster");
        screen.Should().Contain("✓ 110 Pods");
        screen.Should().Contain("▶ 120 Deployments 1/3");
        screen.Should().Contain("⊘ 210 Quotas");
    }

    [Fact]
    public void Shows_the_step_title_text_and_manifest()
    {
        using var ui = Open();

        var screen = ui.Screen;
        screen.Should().Contain("120 · Deployments — step 2/3");
        screen.Should().Contain("Step 2 — Scale to three");
        screen.Should().Contain("A Deployment keeps desired state");
        screen.Should().Contain("manifests/120-deployments/step-2.yaml");
        screen.Should().Contain("replicas: 3");
    }

    [Fact]
    public void Shows_check_results_with_reasons_and_the_diagnosis_under_the_failing_check()
    {
        using var ui = Open();

        var lines = ui.Lines;
        lines.Should().Contain(l => l.Contains("✓ Deployment vote exists — found"));
        var failing = LineOf(lines, "✗ 3 replicas ready — expected status.readyReplicas >= 3, found 2");
        lines[failing + 1].Should().Contain("↳ vote-p4 is ContainerCreating (pulling image)");
        ui.Screen.Should().Contain("Checks 1/2 passing");
    }

    [Fact]
    public void Title_names_context_namespace_and_connection()
    {
        using var ui = Open();

        ui.Lines[0].Should().Contain("kind-tutor").And.Contain("ns tutor-me").And.Contain("● connected");
        ui.Lines[0].Should().NotContain("SIMULATED");
    }

    [Fact]
    public void The_sandbox_is_labelled_as_a_simulated_cluster()
    {
        var state = SampleState.OnDeployments();
        using var ui = Open(state with { Connection = state.Connection with { Context = "sandbox", Simulated = true } });

        ui.Lines[0].Should().Contain("SIMULATED CLUSTER (sandbox)");
    }

    [Theory]
    [InlineData('a', "apply")]
    [InlineData('c', "check")]
    [InlineData('p', "previous")]
    public void Keys_call_the_engine(char key, string call)
    {
        using var ui = Open();

        ui.Press(key);

        ui.Engine.Calls.Should().Equal(call);
    }

    [Fact]
    public void Next_on_a_locked_step_says_to_finish_it_first()
    {
        using var ui = Open();

        ui.Press('n');

        ui.Engine.Calls.Should().BeEmpty();
        ui.Screen.Should().Contain("Finish this step first");
    }

    [Fact]
    public void Next_on_an_unlocked_step_moves_on()
    {
        var state = SampleState.OnDeployments();
        using var ui = Open(state with { Step = state.Step! with { NextUnlocked = true } });

        ui.Press('n');

        ui.Engine.Calls.Should().Equal("next");
    }

    [Fact]
    public void Hints_are_revealed_one_at_a_time()
    {
        using var ui = Open();
        ui.Screen.Should().NotContain("First hint of 120/2");

        ui.Press('h');
        ui.Screen.Should().Contain("1. First hint of 120/2").And.NotContain("Second hint of 120/2").And.Contain("Hint 1/2");

        ui.Press('h');
        ui.Screen.Should().Contain("2. Second hint of 120/2").And.Contain("Hint 2/2");

        ui.Press('h');
        ui.Engine.Calls.Should().Equal("hint", "hint");
        ui.Screen.Should().Contain("That was the last hint");
    }

    [Fact]
    public void Solution_asks_first_and_does_nothing_when_declined()
    {
        using var ui = Open();
        ui.Dialogs.Answer = false;

        ui.Press('s');

        ui.Dialogs.Asked.Should().Equal("Apply the solution?");
        ui.Engine.Calls.Should().BeEmpty();
        ui.Screen.Should().Contain("Solution not applied");
    }

    [Fact]
    public void Solution_is_applied_when_confirmed()
    {
        using var ui = Open();
        ui.Dialogs.Answer = true;

        ui.Press('s');

        ui.Engine.Calls.Should().Equal("solution");
    }

    [Fact]
    public void Reset_asks_first()
    {
        using var ui = Open();

        ui.Dialogs.Answer = false;
        ui.Press('r');
        ui.Engine.Calls.Should().BeEmpty();

        ui.Dialogs.Answer = true;
        ui.Press('r');
        ui.Engine.Calls.Should().Equal("reset");
        ui.Dialogs.Asked.Should().Equal("Reset the lesson?", "Reset the lesson?");
    }

    [Fact]
    public void Question_mark_shows_the_help()
    {
        using var ui = Open();

        ui.Press('?');

        ui.Dialogs.Asked.Should().Equal("help");
    }

    [Fact]
    public void Q_quits_and_Esc_does_not()
    {
        using var ui = Open();

        ui.Press(Key.Esc);
        ui.Window.StopRequested.Should().BeFalse();

        ui.Press('q');
        ui.Window.StopRequested.Should().BeTrue();
    }

    [Fact]
    public void Under_NO_COLOR_pass_and_fail_are_spelled_out()
    {
        using var ui = Open(options: TuiOptions.FromEnvironment(name => name == "NO_COLOR" ? "1" : null));

        var screen = ui.Screen;
        screen.Should().Contain("✓ PASS Deployment vote exists");
        screen.Should().Contain("✗ FAIL 3 replicas ready");
    }

    [Fact]
    public void New_check_results_from_the_engine_redraw_the_panel()
    {
        using var ui = Open();
        ui.Screen.Should().Contain("✗ 3 replicas ready");

        var state = ui.Engine.State;
        ui.Engine.Publish(state with
        {
            Checks = [state.Checks[0], new CheckResult("3 replicas ready", CheckVerdict.Pass("3 of 3 ready"))],
            Message = "step 2 passed — step 3 unlocked",
        });

        var screen = ui.Screen;
        screen.Should().Contain("✓ 3 replicas ready — 3 of 3 ready");
        screen.Should().NotContain("✗");
        screen.Should().Contain("Checks 2/2 — all pass");
        screen.Should().Contain("step 2 passed — step 3 unlocked");
    }

    [Fact]
    public void A_lost_connection_shows_and_clears_when_connected_again()
    {
        using var ui = Open();
        var state = ui.Engine.State;

        ui.Engine.Publish(state with { Connection = state.Connection with { State = ConnectionState.Lost, Reason = "connection refused" } });
        ui.Lines[0].Should().Contain("connection lost: connection refused");
        ui.Screen.Should().Contain("Connection lost: connection refused");

        ui.Engine.Publish(state);
        ui.Lines[0].Should().Contain("● connected");
        ui.Screen.Should().NotContain("onnection lost");
    }

    [Fact]
    public void J_and_k_move_in_the_tree_and_Enter_opens_a_lesson()
    {
        using var ui = Open();

        ui.Press('k');
        ui.Press(Key.Enter);

        ui.Engine.Calls.Should().Equal("select 110");
    }

    [Fact]
    public void Opening_a_locked_lesson_says_why()
    {
        using var ui = Open();

        ui.Press('j');
        ui.Press('j');
        ui.Press(Key.Enter);

        ui.Engine.Calls.Should().BeEmpty();
        ui.Screen.Should().Contain("Lesson 210 is locked: finish level 100 first");
    }

    [Fact]
    public void A_failing_action_shows_its_error_in_the_message_line()
    {
        using var ui = Open();
        ui.Engine.ApplyFailure = "the server is unreachable";

        ui.Press('a');

        ui.Screen.Should().Contain("apply failed: the server is unreachable");
    }

    [Fact]
    public void Apply_on_a_step_without_manifest_explains_instead_of_calling_the_engine()
    {
        var state = SampleState.OnDeployments();
        using var ui = Open(state with { Step = state.Step! with { ManifestYaml = null, ManifestPath = null } });

        ui.Press('a');

        ui.Engine.Calls.Should().BeEmpty();
        ui.Screen.Should().Contain("no manifest");
    }

    [Fact]
    public void Resizing_lays_the_screen_out_again()
    {
        using var ui = Open();

        ui.App.Driver!.SetScreenSize(80, 24);
        var lines = ui.Lines.Where(l => l.Length > 0).ToList();

        lines.Should().HaveCount(24);
        lines.Should().OnlyContain(l => l.Length <= 80);
        ui.Screen.Should().Contain("✗ 3 replicas ready").And.Contain("step 2/3").And.Contain("q").And.Contain("quit");
    }

    [Fact]
    public void Clicking_a_lesson_selects_it_and_a_double_click_opens_it()
    {
        using var ui = Open();
        var row = LineOf(ui.Lines, "110 Pods");
        var column = ui.Lines[row].IndexOf("110 Pods", StringComparison.Ordinal);

        ui.App.Mouse.RaiseMouseEvent(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.LeftButtonPressed });
        ui.App.Mouse.RaiseMouseEvent(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.LeftButtonReleased });
        ui.App.Mouse.RaiseMouseEvent(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.LeftButtonClicked });
        ui.App.Mouse.RaiseMouseEvent(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.LeftButtonDoubleClicked });

        ui.Engine.Calls.Should().Equal("select 110");
    }

    [Fact]
    public void The_mouse_wheel_scrolls_the_lesson_text()
    {
        var state = SampleState.OnDeployments();
        var longText = "## Step 2 — Scale to three\n\n" + string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph number {i}."));
        using var ui = Open(state with { Step = state.Step! with { Markdown = longText } });
        var row = LineOf(ui.Lines, "Paragraph number 1.");
        var column = ui.Lines[row].IndexOf("Paragraph", StringComparison.Ordinal);

        for (var i = 0; i < 5; i++)
        {
            ui.App.Mouse.RaiseMouseEvent(new Mouse { ScreenPosition = new Point(column, row), Flags = MouseFlags.WheeledDown });
        }

        ui.Screen.Should().NotContain("Paragraph number 1.");
        ui.Screen.Should().Contain("Paragraph number 9.");
    }

    [Fact]
    public void Busy_and_engine_messages_show_in_the_message_line()
    {
        using var ui = Open();
        var state = ui.Engine.State;

        ui.Engine.Publish(state with { Busy = "applying manifests/120-deployments/step-2.yaml…" });
        ui.Screen.Should().Contain("applying manifests/120-deployments/step-2.yaml…");

        ui.Engine.Publish(state with { Busy = null, Message = "applied 3 objects" });
        ui.Screen.Should().Contain("applied 3 objects").And.NotContain("applying");
    }

    [Fact]
    public void A_message_longer_than_the_line_wraps_above_the_key_bar_and_the_panels_make_room()
    {
        using var ui = Open();
        var before = Bottom(ui);
        const string refusal = "nothing applied: manifests/250-requests-limits-qos/step-1.yaml:5: deployment.apps/vote: the cluster refused it: "
            + "Deployment.apps \"vote\" is invalid: spec.template.spec.containers[0].resources.requests[memory]: Invalid value: \"64Mi\": "
            + "must be less than or equal to memory limit of 128";

        ui.Engine.Publish(ui.Engine.State with { Message = refusal });

        var after = Bottom(ui);
        after.KeyBar.Should().Be(before.KeyBar, "the key bar stays on the last line");
        after.Status.Count.Should().BeGreaterThan(1);
        after.PanelsEnd.Should().Be(before.PanelsEnd - (after.Status.Count - 1), "the panels give up the lines the message needs");
        string.Join(" ", after.Status).Should().Contain("requests[memory]").And.Contain("less than or equal to memory limit of 128");

        ui.Engine.Publish(ui.Engine.State with { Message = "applied 3 objects" });
        Bottom(ui).PanelsEnd.Should().Be(before.PanelsEnd, "a one-line message gives the lines back");
    }

    [Fact]
    public void A_message_too_long_for_its_lines_ends_in_an_ellipsis()
    {
        using var ui = Open();
        // One-letter words fill each wrapped line to its last column, where the ellipsis must still fit.
        var words = string.Join(" ", Enumerable.Repeat("x", 400));

        ui.Engine.Publish(ui.Engine.State with { Message = words });

        var status = Bottom(ui).Status;
        status.Should().HaveCount(StatusLine.MaxLines);
        status[^1].TrimEnd(' ', '│').Should().EndWith("…");
        ui.Window.Status.Message.Should().Be(words, "the whole message is kept");
    }

    /// <summary>The row of the key bar, the last row of the panels, and the status rows between them.</summary>
    private static (int KeyBar, int PanelsEnd, List<string> Status) Bottom(TuiHarness ui)
    {
        var lines = ui.Lines.ToList();
        var keyBar = lines.FindIndex(l => l.Contains("q quit"));
        var panelsEnd = lines.FindLastIndex(keyBar, l => l.Contains('╰'));
        return (keyBar, panelsEnd, lines.GetRange(panelsEnd + 1, keyBar - panelsEnd - 1));
    }

    [Fact]
    public void A_window_message_stays_until_the_engine_says_something_new()
    {
        using var ui = Open();

        ui.Press('n');
        ui.Engine.Publish(ui.Engine.State with { Checks = [] });
        ui.Screen.Should().Contain("Finish this step first");

        ui.Engine.Publish(ui.Engine.State with { Message = "step 2 passed — step 3 unlocked" });
        ui.Screen.Should().Contain("step 3 unlocked").And.NotContain("Finish this step first");
    }

    [Fact]
    public void Before_any_lesson_is_open_the_screen_says_what_to_do()
    {
        using var ui = Open(SampleState.OnDeployments() with { Step = null, Checks = [], Hints = HintState.None });

        ui.Screen.Should().Contain("Welcome to Tutor").And.Contain("Pick a lesson");
        ui.Press('a');
        ui.Press('s');
        ui.Engine.Calls.Should().BeEmpty();
        ui.Dialogs.Asked.Should().BeEmpty();
        ui.Screen.Should().Contain("Open a lesson first");
    }

    [Fact]
    public void The_tree_follows_the_lesson_the_engine_moved_to()
    {
        using var ui = Open();
        var state = ui.Engine.State;

        ui.Engine.Publish(state with { Step = state.Step! with { LessonId = "101", Number = 1, Count = 1 } });
        ui.Press(Key.Enter);

        ui.Engine.Calls.Should().Equal("select 101");
        ui.Screen.Should().Contain("101 · Meet the cluster — step 1/1");
    }
}
