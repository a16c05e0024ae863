using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class HeaderAndProgressTextTests
{
    [Fact]
    public void The_title_names_context_namespace_and_state()
    {
        var status = new ConnectionStatus("kind-tutor", "tutor-me", ConnectionState.Connected);

        HeaderText.Title(status, GlyphSet.Unicode).Should().Be("Tutor · kind-tutor · ns tutor-me · ● connected");
        HeaderText.Title(status, GlyphSet.Ascii).Should().Be("Tutor | kind-tutor | ns tutor-me | * connected");
    }

    [Fact]
    public void Connecting_lost_and_simulated_read_clearly()
    {
        var status = new ConnectionStatus("sandbox", "tutor", ConnectionState.Lost, "connection refused", Simulated: true);

        HeaderText.Title(status, GlyphSet.Unicode).Should().Contain("SIMULATED CLUSTER (sandbox)").And.EndWith("○ connection lost: connection refused");
        HeaderText.Connection(status with { Reason = null }, GlyphSet.Unicode).Should().Be("○ connection lost");
        HeaderText.Connection(status with { State = ConnectionState.Connecting }, GlyphSet.Ascii).Should().Be("~ connecting...");
    }

    [Theory]
    [InlineData(0, 40, "0/40 steps · 0%")]
    [InlineData(5, 40, "5/40 steps · 12%")]
    [InlineData(40, 40, "40/40 steps · 100%")]
    [InlineData(0, 0, "0/0 steps · 0%")]
    public void Progress_reads_as_steps_and_percent(int done, int total, string expected)
    {
        ProgressText.Format(new ProgressSummary(done, total), GlyphSet.Unicode).Should().Be(expected);
    }

    [Fact]
    public void Progress_fraction_is_clamped()
    {
        new ProgressSummary(5, 4).Fraction.Should().Be(1);
        new ProgressSummary(1, 4).Fraction.Should().Be(0.25);
    }
}
