using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Tutor.Tui.Classroom;

/// <summary>Draws the room's grid with one learner selected; ↑/↓ (or j/k) move the selection, which follows its learner across redraws.</summary>
public sealed class RoomGridView : View
{
    private readonly ColorSchemes _colors;
    private IReadOnlyList<InstructorLine> _lines = [];
    private int _top;

    public RoomGridView(ColorSchemes colors)
    {
        _colors = colors;
        CanFocus = true;
    }

    /// <summary>The selected learner, or null when the room is empty.</summary>
    public string? Selected { get; private set; }

    public void Show(IReadOnlyList<InstructorLine> lines)
    {
        _lines = lines;
        var learners = Learners();
        if (Selected is null || !learners.Contains(Selected)) Selected = learners.FirstOrDefault();
        SetNeedsDraw();
    }

    public void MoveSelection(int by)
    {
        var learners = Learners();
        if (learners.Count == 0) return;
        var index = Selected is null ? 0 : Math.Clamp(learners.IndexOf(Selected) + by, 0, learners.Count - 1);
        Selected = learners[index];
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorDown || key == Key.J)
        {
            MoveSelection(1);
            return true;
        }

        if (key == Key.CursorUp || key == Key.K)
        {
            MoveSelection(-1);
            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var selected = GetAttributeForRole(VisualRole.Focus);
        if (_lines.Count == 0) return true;
        // The header stays; learner rows scroll so the selected one is always in view.
        var rows = Math.Max(1, Viewport.Height - 1);
        var index = Math.Max(0, _lines.ToList().FindIndex(l => l.Learner is not null && l.Learner == Selected) - 1);
        if (index < _top) _top = index;
        if (index >= _top + rows) _top = index - rows + 1;
        var visible = _lines.Take(1).Concat(_lines.Skip(1 + _top).Take(rows)).ToList();
        for (var row = 0; row < visible.Count; row++)
        {
            var line = visible[row];
            var attribute = line.Learner is not null && line.Learner == Selected ? selected : _colors.For(line.Kind, normal);
            SetAttribute(attribute);
            Move(0, row);
            AddStr(line.Text.Length >= Viewport.Width ? line.Text[..Math.Max(0, Viewport.Width)] : line.Text.PadRight(Viewport.Width));
        }

        SetAttribute(normal);
        return true;
    }

    private List<string> Learners() => _lines.Where(l => l.Learner is not null).Select(l => l.Learner!).ToList();
}
