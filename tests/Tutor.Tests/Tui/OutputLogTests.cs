using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class OutputLogTests
{
    [Fact]
    public void Keeps_at_most_about_its_capacity_and_counts_what_it_dropped()
    {
        var log = new OutputLog(capacity: 100);

        for (var i = 0; i < 1000; i++) log.Add(new PanelLine($"line {i}", PanelLineKind.Normal));

        log.Count.Should().BeInRange(100, 125);
        (log.Count + log.Dropped).Should().Be(1000);
        log.Slice(log.Count - 1, 1).Single().Text.Should().Be("line 999");
    }

    [Fact]
    public void Slices_are_clamped_to_what_is_there()
    {
        var log = new OutputLog();
        log.Add(new PanelLine("only", PanelLineKind.Normal));

        log.Slice(0, 10).Should().ContainSingle();
        log.Slice(5, 10).Should().BeEmpty();
    }

    [Fact]
    public void Osc52_carries_the_text_in_base64()
    {
        Osc52.Copy("kubectl get pods").Should().Be("\u001b]52;c;a3ViZWN0bCBnZXQgcG9kcw==\u0007");
    }
}
