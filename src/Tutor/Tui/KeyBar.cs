using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Tutor.Tui;

/// <summary>The bottom line listing Tutor's keys; a click on a key runs it, as pressing it would.</summary>
public sealed class KeyBar : View
{
    private readonly Action<TutorCommand> _execute;

    public KeyBar(Action<TutorCommand> execute)
    {
        _execute = execute;
        Height = 1;
        Width = Dim.Fill();
        CanFocus = false;
    }

    public IReadOnlyList<KeyBarSegment> Segments => KeyBarLayout.Layout(KeyMap.Bindings, Viewport.Width);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var hot = GetAttributeForRole(VisualRole.HotNormal);
        foreach (var segment in Segments)
        {
            Move(segment.Start, 0);
            SetAttribute(hot);
            AddStr(segment.Key);
            if (segment.Label.Length > 0)
            {
                SetAttribute(normal);
                AddStr(" " + segment.Label);
            }
        }

        SetAttribute(normal);
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Position is not { } position)
        {
            return false;
        }

        var segment = Segments.FirstOrDefault(s => s.Covers(position.X));
        if (segment is null)
        {
            return false;
        }

        _execute(segment.Command);
        return true;
    }
}
