using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class TextWrapTests
{
    [Fact]
    public void Short_text_stays_on_one_line()
    {
        TextWrap.Wrap("all good", 20).Should().Equal("all good");
    }

    [Fact]
    public void Long_text_wraps_at_words_with_a_hanging_indent()
    {
        var lines = TextWrap.Wrap("✗ replicas ready — expected 3 found 1", 20, 2);

        lines.Should().Equal("✗ replicas ready —", "  expected 3 found 1");
        lines.Should().OnlyContain(l => l.Length <= 20);
    }

    [Fact]
    public void Leading_spaces_of_the_text_are_kept()
    {
        TextWrap.Wrap("  ↳ pulling image", 40, 4).Should().Equal("  ↳ pulling image");
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut()
    {
        var lines = TextWrap.Wrap("x spec.template.spec.containers[vote].image", 16, 2);

        lines.Should().OnlyContain(l => l.Length <= 16);
        string.Concat(lines.Select(l => l.Trim())).Replace(" ", "").Should().Be("xspec.template.spec.containers[vote].image");
    }

    [Fact]
    public void Newlines_start_new_lines()
    {
        TextWrap.Wrap("one\ntwo", 40).Should().Equal("one", "two");
    }
}
