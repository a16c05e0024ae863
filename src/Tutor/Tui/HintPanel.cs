using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>The hints revealed so far, newest last; hidden until the first hint is asked for.</summary>
public sealed class HintPanel : FrameView
{
    private readonly PanelLinesView _lines;
    private HintState _hints = HintState.None;

    public HintPanel(ColorSchemes colors)
    {
        Title = "Hints";
        Visible = false;
        _lines = new PanelLinesView(LinesAt, colors);
        Add(_lines);
    }

    public int RowsAt(int innerWidth) => _lines.RowsAt(innerWidth);

    public void Update(TutorState state)
    {
        _hints = state.Hints;
        Visible = _hints.Revealed.Count > 0;
        Title = $"Hint {_hints.Revealed.Count}/{_hints.Total}";
        SetNeedsLayout();
        _lines.SetNeedsDraw();
    }

    private IReadOnlyList<PanelLine> LinesAt(int width) =>
        _hints.Revealed
            .SelectMany((hint, i) => TextWrap.Wrap($"{i + 1}. {hint}", width, 3))
            .Select(line => new PanelLine(line, PanelLineKind.Normal))
            .ToList();
}
