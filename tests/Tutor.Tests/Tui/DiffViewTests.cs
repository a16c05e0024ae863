using Tutor.Core.Drift;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>d: the live objects against the step's solution, as a coloured unified diff.</summary>
public class DiffViewTests
{
    private const string ReplicasDiff = "--- solution apps/v1 Deployment vote\n+++ live apps/v1 Deployment vote\n@@ -3,3 +3,3 @@\n metadata:\n   name: vote\n spec:\n-  replicas: 3\n+  replicas: 2\n";

    [Fact]
    public void D_shows_the_diff_of_each_drifted_object()
    {
        var engine = new FakeTutorEngine(SampleState.OnDeployments())
        {
            Drifts = [new ObjectDrift("apps/v1 Deployment vote", ReplicasDiff, false), new ObjectDrift("v1 Service vote", "", false), new ObjectDrift("v1 ConfigMap settings", "", true)],
        };
        using var ui = new TuiHarness(engine);

        ui.Press('d');

        engine.Calls.Should().Equal("diff");
        var screen = ui.Screen;
        screen.Should().Contain("Diff — your objects against step 2's solution");
        screen.Should().Contain("2 of 3 objects differ from step 2's solution");
        screen.Should().Contain("-  replicas: 3").And.Contain("+  replicas: 2");
        screen.Should().Contain("- v1 ConfigMap settings: missing from the cluster");
        screen.Should().NotContain("v1 Service vote");
    }

    [Fact]
    public void Equal_objects_say_no_drift()
    {
        var engine = new FakeTutorEngine(SampleState.OnDeployments()) { Drifts = [new ObjectDrift("apps/v1 Deployment vote", "", false)] };
        using var ui = new TuiHarness(engine);

        ui.Press('d');

        ui.Screen.Should().Contain("✓ No drift: your objects match step 2's solution.").And.Contain("apps/v1 Deployment vote");
    }

    [Fact]
    public void A_step_without_solution_has_nothing_to_compare_with()
    {
        var state = SampleState.OnDeployments();
        var engine = new FakeTutorEngine(state with { Step = state.Step! with { HasSolution = false } });
        using var ui = new TuiHarness(engine);

        ui.Press('d');

        engine.Calls.Should().BeEmpty();
        ui.Screen.Should().Contain("This step has no solution to compare with.");
    }

    [Fact]
    public void Added_lines_are_green_removed_lines_red_and_headers_stand_apart()
    {
        var lines = DiffText.Lines([new ObjectDrift("apps/v1 Deployment vote", ReplicasDiff, false)], 2, GlyphSet.Unicode);

        lines.Single(l => l.Text == "-  replicas: 3").Kind.Should().Be(PanelLineKind.Removed);
        lines.Single(l => l.Text == "+  replicas: 2").Kind.Should().Be(PanelLineKind.Added);
        lines.Single(l => l.Text.StartsWith("---")).Kind.Should().Be(PanelLineKind.Heading);
        lines.Single(l => l.Text.StartsWith("+++")).Kind.Should().Be(PanelLineKind.Heading);
        lines.Single(l => l.Text == " spec:").Kind.Should().Be(PanelLineKind.Normal);
    }
}
