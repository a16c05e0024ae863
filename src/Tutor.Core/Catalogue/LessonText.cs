using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tutor.Core.Catalogue;

/// <summary>
/// A lesson's Markdown split the way steps refer to it: the introduction before the first level-2
/// heading, then one section per level-2 heading, keyed by the heading's text.
/// </summary>
public sealed class LessonText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly string[] ShellLanguages = ["sh", "bash", "shell", "console"];

    private LessonText(string source, string introduction, IReadOnlyList<LessonCommand> introductionCommands, IReadOnlyList<LessonSection> sections)
    {
        Source = source;
        Introduction = introduction;
        IntroductionCommands = introductionCommands;
        Sections = sections;
    }

    public string Source { get; }

    /// <summary>The source before the first level-2 heading (a level-1 title included).</summary>
    public string Introduction { get; }

    public IReadOnlyList<LessonCommand> IntroductionCommands { get; }

    public IReadOnlyList<LessonSection> Sections { get; }

    public IReadOnlyList<string> Headings => Sections.Select(s => s.Heading).ToList();

    /// <summary>The section whose heading text is <paramref name="heading"/>, as a step's "section" names it.</summary>
    public LessonSection? Section(string heading) =>
        Sections.FirstOrDefault(s => s.Heading == heading.Trim());

    public static LessonText Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);

        // Only headings at the top of the document split it; a "##" inside a quote or list is content.
        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();
        var codeBlocks = document.Descendants<FencedCodeBlock>().ToList();

        var introEnd = headings.Count > 0 ? headings[0].Span.Start : markdown.Length;
        var introCommands = CommandsIn(codeBlocks, 0, introEnd, markdown);

        var sections = new List<LessonSection>();
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Span.Start;
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : markdown.Length;
            sections.Add(new LessonSection(
                HeadingText(headings[i]),
                markdown[start..end],
                headings[i].Line + 1,
                CommandsIn(codeBlocks, start, end, markdown)));
        }
        return new LessonText(markdown, markdown[..introEnd], introCommands, sections);
    }

    private static List<LessonCommand> CommandsIn(List<FencedCodeBlock> blocks, int start, int end, string markdown)
    {
        var commands = new List<LessonCommand>();
        foreach (var block in blocks.Where(b => b.Span.Start >= start && b.Span.Start < end))
        {
            var language = (block.Info ?? "").Trim().ToLowerInvariant();
            if (!ShellLanguages.Contains(language)) continue;
            var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()).ToList();
            if (language == "console")
            {
                // A console block mixes commands and their output; only prompted lines are commands.
                var prompted = lines.Where(l => l.TrimStart().StartsWith("$ ")).Select(l => l.TrimStart()[2..]).ToList();
                if (prompted.Count > 0) lines = prompted;
            }
            var text = string.Join("\n", lines).Trim();
            if (text.Length > 0)
                commands.Add(new LessonCommand(text, language, block.Line + 1));
        }
        return commands;
    }

    // The heading as an author types it into "section": inline marks such as ** or ` removed.
    private static string HeadingText(HeadingBlock heading)
    {
        var builder = new System.Text.StringBuilder();
        Append(heading.Inline, builder);
        return builder.ToString().Trim();
    }

    private static void Append(Inline? inline, System.Text.StringBuilder builder)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case ContainerInline container:
                foreach (var child in container)
                    Append(child, builder);
                break;
        }
    }
}
