using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class GlyphSetTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_utf8_terminal_gets_unicode_symbols()
    {
        GlyphSet.Detect(Env(("TERM", "tmux-256color"), ("LANG", "en_US.UTF-8"))).Should().BeSameAs(GlyphSet.Unicode);
    }

    [Fact]
    public void No_locale_at_all_still_gets_unicode()
    {
        GlyphSet.Detect(Env(("TERM", "xterm"))).Should().BeSameAs(GlyphSet.Unicode);
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("vt100")]
    [InlineData("dumb")]
    public void Consoles_without_the_symbols_get_ascii(string term)
    {
        GlyphSet.Detect(Env(("TERM", term), ("LANG", "en_US.UTF-8"))).Should().BeSameAs(GlyphSet.Ascii);
    }

    [Fact]
    public void A_non_utf8_locale_gets_ascii_and_LC_ALL_wins_over_LANG()
    {
        GlyphSet.Detect(Env(("TERM", "xterm"), ("LANG", "POSIX"))).Should().BeSameAs(GlyphSet.Ascii);
        GlyphSet.Detect(Env(("TERM", "xterm"), ("LC_ALL", "C"), ("LANG", "en_US.UTF-8"))).Should().BeSameAs(GlyphSet.Ascii);
        GlyphSet.Detect(Env(("TERM", "xterm"), ("LC_ALL", "C.UTF-8"), ("LANG", "C"))).Should().BeSameAs(GlyphSet.Unicode);
    }

    [Fact]
    public void TUTOR_ASCII_forces_ascii()
    {
        GlyphSet.Detect(Env(("TERM", "xterm-256color"), ("TUTOR_ASCII", "1"))).Should().BeSameAs(GlyphSet.Ascii);
    }

    [Fact]
    public void Every_ascii_symbol_is_plain_ascii_and_marks_are_distinct()
    {
        var ascii = GlyphSet.Ascii;
        var all = new[]
        {
            ascii.Done, ascii.Current, ascii.Open, ascii.Locked, ascii.Pass, ascii.Fail, ascii.Pending, ascii.Connected,
            ascii.Connecting, ascii.Lost, ascii.Diagnosis, ascii.Separator, ascii.Expanded, ascii.Collapsed, ascii.Dash, ascii.Ellipsis,
        };
        all.Should().OnlyContain(s => s.Length > 0 && s.All(c => c < 128));

        foreach (var set in new[] { GlyphSet.Unicode, GlyphSet.Ascii })
        {
            Enum.GetValues<LessonMark>().Select(set.MarkOf).Should().OnlyHaveUniqueItems();
            set.Pass.Should().NotBe(set.Fail);
        }
    }

    [Fact]
    public void NO_COLOR_turns_on_monochrome_only_when_set_to_something()
    {
        TuiOptions.FromEnvironment(Env(("NO_COLOR", "1"))).Monochrome.Should().BeTrue();
        TuiOptions.FromEnvironment(Env(("NO_COLOR", ""))).Monochrome.Should().BeFalse();
        TuiOptions.FromEnvironment(Env()).Monochrome.Should().BeFalse();
    }
}
