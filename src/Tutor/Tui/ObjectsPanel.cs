using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>The lesson's live objects on the right, from the snapshot the engine's watch keeps (it never asks the cluster itself).</summary>
public sealed class ObjectsPanel : FrameView
{
    private readonly ObjectsPanelText _text;
    private readonly PanelLinesView _lines;
    private TutorState? _state;

    public ObjectsPanel(GlyphSet glyphs, ColorSchemes colors)
    {
        _text = new ObjectsPanelText(glyphs);
        Title = "Objects";
        _lines = new PanelLinesView(LinesAt, colors);
        Add(_lines);
    }

    public void Update(TutorState state)
    {
        _state = state;
        Title = state.Objects is { Count: > 0 } rows ? $"Objects ({rows.Count})" : "Objects";
        _lines.SetNeedsDraw();
    }

    private IReadOnlyList<PanelLine> LinesAt(int width) => _state is null ? [] : _text.Lines(_state, width);
}
