using Tutor.Core.Checks;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class CheckPanelTextTests
{
    private static readonly CheckPanelText Colour = new(GlyphSet.Unicode, words: false);
    private static readonly CheckPanelText Mono = new(GlyphSet.Unicode, words: true);

    [Fact]
    public void A_check_line_has_glyph_title_and_reason()
    {
        Colour.CheckLine(new CheckResult("Deployment vote exists", CheckVerdict.Pass("found"))).Should().Be("✓ Deployment vote exists — found");
        Colour.CheckLine(new CheckResult("3 ready", CheckVerdict.Fail("found 1"))).Should().Be("✗ 3 ready — found 1");
        Colour.CheckLine(new CheckResult("3 ready", null)).Should().Be("… 3 ready — not checked yet");
    }

    [Fact]
    public void Monochrome_adds_the_words()
    {
        Mono.CheckLine(new CheckResult("a", CheckVerdict.Pass("ok"))).Should().StartWith("✓ PASS a");
        Mono.CheckLine(new CheckResult("a", CheckVerdict.Fail("no"))).Should().StartWith("✗ FAIL a");
        Mono.CheckLine(new CheckResult("a", null)).Should().StartWith("… WAIT a");
    }

    [Fact]
    public void The_diagnosis_follows_only_a_failing_check()
    {
        var state = SampleState.OnDeployments() with
        {
            Checks =
            [
                new CheckResult("passes", new CheckVerdict(true, "fine", "should not show")),
                new CheckResult("fails", CheckVerdict.Fail("found 1", "image pull back-off")),
            ],
        };

        var lines = Colour.Lines(state, 60);

        lines.Select(l => l.Text).Should().Equal("✓ passes — fine", "✗ fails — found 1", "  ↳ image pull back-off");
        lines.Select(l => l.Kind).Should().Equal(PanelLineKind.Pass, PanelLineKind.Fail, PanelLineKind.Diagnosis);
    }

    [Fact]
    public void A_lost_connection_comes_first_with_its_reason()
    {
        var state = SampleState.OnDeployments();
        state = state with { Connection = state.Connection with { State = ConnectionState.Lost, Reason = "timeout" } };

        var first = Colour.Lines(state, 80)[0];

        first.Kind.Should().Be(PanelLineKind.Warning);
        first.Text.Should().Contain("Connection lost: timeout");
    }

    [Fact]
    public void Lines_fit_the_width()
    {
        Colour.Lines(SampleState.OnDeployments(), 24).Should().OnlyContain(l => l.Text.Length <= 24);
    }

    [Fact]
    public void No_step_and_no_checks_say_so()
    {
        Colour.Lines(SampleState.OnDeployments() with { Step = null }, 80).Single().Text.Should().Contain("Pick a lesson");
        Colour.Lines(SampleState.OnDeployments() with { Checks = [] }, 80).Single().Text.Should().Be("This step has no checks.");
    }

    [Fact]
    public void The_title_counts_passing_checks()
    {
        var state = SampleState.OnDeployments();
        Colour.Title(state).Should().Be("Checks 1/2 passing");
        Colour.Title(state with { Checks = [state.Checks[0]] }).Should().Be("Checks 1/1 — all pass");
        Colour.Title(state with { Checks = [] }).Should().Be("Checks");
    }

    [Fact]
    public void A_done_step_points_to_the_next_one()
    {
        var state = SampleState.OnDeployments();
        var done = state with { Step = state.Step! with { Done = true, NextUnlocked = true } };

        Colour.Lines(done, 80)[^1].Should().Be(new PanelLine("✓ Step 2 done — press n for step 3.", PanelLineKind.Pass));
        Colour.Lines(done with { Step = done.Step! with { Number = 3 } }, 80)[^1].Text.Should().Contain("press n for the next lesson");
        Colour.Lines(state, 80).Should().NotContain(l => l.Text.Contains("press n"));
    }
}
