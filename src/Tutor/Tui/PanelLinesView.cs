using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace Tutor.Tui;

/// <summary>Draws pre-wrapped, coloured lines; the lines are asked for at the current width on every draw.</summary>
public sealed class PanelLinesView : View
{
    private readonly Func<int, IReadOnlyList<PanelLine>> _lines;
    private readonly ColorSchemes _colors;

    public PanelLinesView(Func<int, IReadOnlyList<PanelLine>> lines, ColorSchemes colors)
    {
        _lines = lines;
        _colors = colors;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = false;
    }

    /// <summary>How many rows the lines take at <paramref name="width"/> columns.</summary>
    public int RowsAt(int width) => _lines(Math.Max(1, width)).Count;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var lines = _lines(Math.Max(1, Viewport.Width));
        for (var row = 0; row < Math.Min(lines.Count, Viewport.Height); row++)
        {
            SetAttribute(_colors.For(lines[row].Kind, normal));
            Move(0, row);
            AddStr(lines[row].Text);
        }

        SetAttribute(normal);
        return true;
    }
}
