using System.Text.RegularExpressions;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>
/// A scrollable panel of coloured lines in place of the panes: a command's output, a diff. Long lines wrap as in a
/// terminal; it follows the end while lines arrive until the learner scrolls up; the last row says what is going
/// on and which keys work.
/// </summary>
public sealed partial class LinesPanel : FrameView
{
    private readonly ColorSchemes _colors;
    private int _top;
    private int _rowCount;
    private bool _follow = true;
    private string _footer = "";

    public LinesPanel(ColorSchemes colors)
    {
        _colors = colors;
        CanFocus = true;
        Visible = false;
    }

    public OutputLog Log { get; } = new();

    /// <summary>Set while something can be stopped (a running command): Ctrl+C or s calls it.</summary>
    public Action? Cancel { get; set; }

    /// <summary>Raised when the learner closes the panel (Esc or q).</summary>
    public event Action? Closed;

    public string Footer
    {
        get => _footer;
        set
        {
            _footer = value;
            SetNeedsDraw();
        }
    }

    /// <summary>Replaces the panel's content and scrolls to the top (<paramref name="follow"/> false) or the end.</summary>
    public void Show(string title, IEnumerable<PanelLine> lines, string footer, bool follow)
    {
        Title = title;
        Log.Clear();
        foreach (var line in lines) Add(line);
        _footer = footer;
        _follow = follow;
        _top = 0;
        SetNeedsDraw();
    }

    /// <summary>Adds a line (from any thread); control sequences a command prints are dropped, tabs become spaces.</summary>
    public void Add(PanelLine line) => Log.Add(line with { Text = Clean(line.Text) });

    private int Rows => Math.Max(1, Viewport.Height - 1);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var rows = Wrap(Log.Slice(0, Log.Count), Math.Max(1, Viewport.Width));
        _rowCount = rows.Count;
        var maxTop = Math.Max(0, rows.Count - Rows);
        _top = _follow ? maxTop : Math.Clamp(_top, 0, maxTop);
        for (var row = 0; row < Rows && _top + row < rows.Count; row++)
        {
            SetAttribute(_colors.For(rows[_top + row].Kind, normal));
            Move(0, row);
            AddStr(rows[_top + row].Text);
        }

        var count = rows.Count;
        var position = count <= Rows ? "" : $"  {_top + 1}-{Math.Min(count, _top + Rows)}/{count}{(Log.Dropped > 0 ? $" (+{Log.Dropped} earlier lines dropped)" : "")}";
        var footer = _footer + position;
        SetAttribute(_colors.For(PanelLineKind.Pending, normal));
        Move(0, Viewport.Height - 1);
        AddStr(footer.Length > Viewport.Width ? footer[..Viewport.Width] : footer);
        SetAttribute(normal);
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Esc || KeyMap.IsLetter(key, 'q'))
        {
            Closed?.Invoke();
            return true;
        }

        if (key == Key.C.WithCtrl || KeyMap.IsLetter(key, 's'))
        {
            Cancel?.Invoke();
            return true;
        }

        if (key == Key.CursorUp || KeyMap.IsLetter(key, 'k')) return Scroll(-1);
        if (key == Key.CursorDown || KeyMap.IsLetter(key, 'j')) return Scroll(1);
        if (key == Key.PageUp) return Scroll(-Rows);
        if (key == Key.PageDown || key == Key.Space) return Scroll(Rows);
        if (key == Key.Home || KeyMap.IsLetter(key, 'g')) return Scroll(-_rowCount);
        if (key == Key.End || KeyMap.IsLetter(key, 'G')) return Scroll(_rowCount);
        return false;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) return Scroll(-3);
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) return Scroll(3);
        return false;
    }

    private bool Scroll(int by)
    {
        var maxTop = Math.Max(0, _rowCount - Rows);
        _top = Math.Clamp((_follow ? maxTop : _top) + by, 0, maxTop);
        _follow = _top == maxTop;
        SetNeedsDraw();
        return true;
    }

    // Cut at the width as a terminal does, not at words: tables and YAML keep their columns on the following row.
    private static List<PanelLine> Wrap(IReadOnlyList<PanelLine> lines, int width)
    {
        var rows = new List<PanelLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Text.Length <= width)
            {
                rows.Add(line);
                continue;
            }

            for (var start = 0; start < line.Text.Length; start += width)
                rows.Add(line with { Text = line.Text.Substring(start, Math.Min(width, line.Text.Length - start)) });
        }

        return rows;
    }

    private static string Clean(string text) => ControlSequence().Replace(text.Replace("\t", "    "), "");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|[\x00-\x08\x0b-\x1f\x7f]")]
    private static partial Regex ControlSequence();
}
