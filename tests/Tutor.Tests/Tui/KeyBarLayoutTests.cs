using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class KeyBarLayoutTests
{
    private static int End(IReadOnlyList<KeyBarSegment> segments) => segments[^1].Start + segments[^1].Width;

    [Fact]
    public void Wide_screens_get_every_word()
    {
        var segments = KeyBarLayout.Layout(KeyMap.Bindings, 120);

        segments.Should().OnlyContain(s => s.Label.Length > 0);
        segments.Select(s => s.Command).Should().Equal(KeyMap.Bindings.Select(b => b.Command!.Value));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(40)]
    [InlineData(30)]
    public void Every_key_fits_down_to_thirty_columns(int width)
    {
        var segments = KeyBarLayout.Layout(KeyMap.Bindings, width);

        segments.Should().HaveCount(KeyMap.Bindings.Count);
        End(segments).Should().BeLessThanOrEqualTo(width);
    }

    [Fact]
    public void When_words_must_go_help_and_quit_keep_theirs()
    {
        var segments = KeyBarLayout.Layout(KeyMap.Bindings, 50);

        segments.Single(s => s.Command == TutorCommand.Help).Label.Should().Be("help");
        segments.Single(s => s.Command == TutorCommand.Quit).Label.Should().Be("quit");
        segments.Single(s => s.Command == TutorCommand.Apply).Label.Should().BeEmpty();
    }

    [Fact]
    public void Segments_do_not_overlap_and_cover_their_own_columns()
    {
        var segments = KeyBarLayout.Layout(KeyMap.Bindings, 100);

        for (var i = 1; i < segments.Count; i++)
        {
            segments[i].Start.Should().BeGreaterThan(segments[i - 1].Start + segments[i - 1].Width - 1);
        }

        var apply = segments[0];
        apply.Covers(apply.Start).Should().BeTrue();
        apply.Covers(apply.Start + apply.Width).Should().BeFalse();
    }
}
