namespace Tutor.Core.Tests.Catalogue;

internal static class SourceText
{
    /// <summary>The 1-based line of the only line containing <paramref name="fragment"/>, so expected lines follow the test text.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(fragment)).ToList();
        matches.Should().HaveCount(1, $"the fragment {fragment} should appear on exactly one line of the test text");
        return matches[0] + 1;
    }
}
