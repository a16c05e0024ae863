using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>The live check panel: one line per check with its reason, the diagnosis under a failing one.</summary>
public sealed class CheckPanel : FrameView
{
    private readonly CheckPanelText _text;
    private readonly PanelLinesView _lines;
    private TutorState? _state;

    public CheckPanel(GlyphSet glyphs, ColorSchemes colors)
    {
        _text = new CheckPanelText(glyphs, words: colors.Monochrome);
        Title = "Checks";
        _lines = new PanelLinesView(LinesAt, colors);
        Add(_lines);
    }

    /// <summary>Rows needed inside the frame at a given inner width.</summary>
    public int RowsAt(int innerWidth) => _lines.RowsAt(innerWidth);

    public void Update(TutorState state)
    {
        _state = state;
        Title = _text.Title(state);
        SetNeedsLayout();
        _lines.SetNeedsDraw();
    }

    private IReadOnlyList<PanelLine> LinesAt(int width) => _state is null ? [] : _text.Lines(_state, width);
}
