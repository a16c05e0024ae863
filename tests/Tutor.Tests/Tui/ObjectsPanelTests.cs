using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>The live objects on the right: shown on wide screens, toggled with o, fed by the engine's state.</summary>
public class ObjectsPanelTests
{
    private static TutorState WithObjects()
    {
        var state = SampleState.OnDeployments();
        return state with
        {
            Objects =
            [
                new ObjectRow("deploy/vote", "2/3", ObjectHealth.Progressing),
                new ObjectRow("po/vote-7d9f8b6c4-x9zq2", "Running", ObjectHealth.Ready),
                new ObjectRow("po/vote-7d9f8b6c4-p4kd1", "CrashLoopBackOff", ObjectHealth.Failing),
            ],
        };
    }

    [Fact]
    public void A_wide_screen_shows_each_object_with_its_mark_and_state()
    {
        using var ui = new TuiHarness(new FakeTutorEngine(WithObjects()), width: 120, height: 32);

        var lines = ui.Lines;
        ui.Screen.Should().Contain("Objects (3)");
        lines.Should().Contain(l => l.Contains("◌ deploy/vote") && l.Contains("2/3"));
        lines.Should().Contain(l => l.Contains("● po/vote-") && l.Contains("Running"));
        lines.Should().Contain(l => l.Contains("✗ po/vote") && l.Contains("CrashLoopBackOff"));
        ui.Screen.Should().Contain("A Deployment keeps desired state").And.Contain("✗ 3 replicas ready");
    }

    [Fact]
    public void A_narrow_screen_hides_it_until_o_and_o_hides_it_again()
    {
        using var ui = new TuiHarness(new FakeTutorEngine(WithObjects()), width: 100, height: 30);
        ui.Screen.Should().NotContain("Objects (3)");

        ui.Press('o');
        ui.Screen.Should().Contain("Objects (3)").And.Contain("deploy/vote");
        ui.Lines.Where(l => l.Length > 0).Should().OnlyContain(l => l.Length <= 100);

        ui.Press('o');
        ui.Screen.Should().NotContain("Objects (3)");
    }

    [Fact]
    public void New_snapshots_from_the_engine_redraw_it()
    {
        using var ui = new TuiHarness(new FakeTutorEngine(WithObjects()), width: 120);

        ui.Engine.Publish(ui.Engine.State with { Objects = [new ObjectRow("deploy/vote", "3/3", ObjectHealth.Ready)] });

        ui.Lines.Should().Contain(l => l.Contains("● deploy/vote") && l.Contains("3/3"));
        ui.Screen.Should().Contain("Objects (1)").And.NotContain("CrashLoopBackOff");
    }

    [Fact]
    public void Before_the_first_snapshot_and_with_nothing_applied_it_says_so()
    {
        var text = new ObjectsPanelText(GlyphSet.Unicode);
        var state = SampleState.OnDeployments();

        text.Lines(state, 30).Single().Text.Should().Contain("waiting for the cluster");
        string.Join(" ", text.Lines(state with { Objects = [] }, 20).Select(l => l.Text)).Should().Be("None yet in your namespace.");
    }

    [Fact]
    public void Long_pod_names_keep_both_ends_and_the_state_stays_readable()
    {
        var line = new ObjectsPanelText(GlyphSet.Unicode).Line(new ObjectRow("po/vote-7d9f8b6c4-x9zq2", "CrashLoopBackOff", ObjectHealth.Failing), 30);

        line.Length.Should().Be(30);
        line.Should().StartWith("✗ po/vote").And.EndWith(" CrashLoopBackOff").And.Contain("…");
    }

    [Fact]
    public void On_the_sandbox_a_NetworkPolicy_step_says_policies_are_not_enforced()
    {
        var state = SampleState.OnDeployments();
        var policyStep = state with { Step = state.Step! with { UsesNetworkPolicy = true } };

        using (var sandbox = new TuiHarness(new FakeTutorEngine(policyStep with { Connection = state.Connection with { Simulated = true } }), width: 120))
        {
            sandbox.Screen.Should().Contain("NetworkPolicy is stored and validated here but not").And.Contain("enforced (the sandbox has no CNI).");
        }

        using (var cluster = new TuiHarness(new FakeTutorEngine(policyStep), width: 120))
        {
            cluster.Screen.Should().NotContain("not enforced");
        }

        using var other = new TuiHarness(new FakeTutorEngine(state with { Connection = state.Connection with { Simulated = true } }), width: 120);
        other.Screen.Should().NotContain("not enforced");
    }

    [Fact]
    public void Every_new_key_is_in_the_help_and_on_the_key_bar_at_80_columns()
    {
        var help = KeyMap.HelpText();
        foreach (var key in new[] { "x", "d", "e", "o" })
        {
            KeyMap.Bindings.Should().Contain(b => b.Keys == key);
            help.Should().MatchRegex($@"(?m)^{key}\s+\S");
        }

        using var ui = new TuiHarness(new FakeTutorEngine(SampleState.OnDeployments()), width: 80, height: 24);
        var bar = ui.Lines.Last(l => l.Contains("quit"));
        bar.Should().Contain("x run").And.Contain("d diff").And.Contain("e edit").And.Contain(" o ").And.Contain("? help").And.Contain("q quit");
    }
}
