using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>
/// The centre pane: the step's text and manifest, rendered by Terminal.Gui's Markdown view. The frame title says
/// which lesson and step ("120 · Deployments — step 2/3").
/// </summary>
public sealed class StepView : FrameView
{
    private readonly Markdown _markdown;
    private string? _document;

    private readonly GlyphSet _glyphs;

    public StepView(GlyphSet glyphs, ColorSchemes colors)
    {
        _glyphs = glyphs;
        Title = "Tutor";
        TabStop = TabBehavior.TabStop;
        _markdown = new Markdown
        {
            Width = Dim.Fill(),
            Height = Dim.Fill(),
        };
        Add(_markdown);
    }

    /// <summary>
    /// Turns on YAML and shell colouring. Loading the grammars takes about a third of a second, so the window
    /// draws plain text first and colours it once the highlighter is ready (never under NO_COLOR).
    /// </summary>
    public void Highlight(ISyntaxHighlighter highlighter)
    {
        _markdown.SyntaxHighlighter = highlighter;
        if (_document is not null) _markdown.Text = _document;
    }

    public string Document => _document ?? "";

    /// <summary>Scrolls to the end of the text, where the manifest is (after the learner edited it).</summary>
    /// <remarks>The Markdown view renders its lines when laid out, then scrolls to the top: it is laid out first.</remarks>
    public void ScrollToManifest()
    {
        _markdown.Layout();
        _markdown.Viewport = _markdown.Viewport with { Y = Math.Max(0, _markdown.LineCount - _markdown.Viewport.Height) };
        SetNeedsDraw();
    }

    public void Update(TutorState state)
    {
        Title = StepText.FrameTitle(state, _glyphs);

        // Setting the text re-renders and scrolls to the top: only do it when the document really changed.
        var document = StepText.Document(state.Step);
        if (document != _document)
        {
            _document = document;
            _markdown.Text = document;
        }
    }
}
