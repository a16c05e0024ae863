using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>
/// The step's shell commands, numbered, one chosen: Enter runs it, y copies it, Esc closes. Only commands the
/// lesson text shows are offered, and nothing runs until the learner presses Enter on one.
/// </summary>
public sealed class CommandPicker : FrameView
{
    private IReadOnlyList<string> _commands = [];
    private string _note = "";

    private readonly GlyphSet _glyphs;

    public CommandPicker(GlyphSet glyphs)
    {
        _glyphs = glyphs;
        CanFocus = true;
        Visible = false;
    }

    public int Selected { get; private set; }

    public IReadOnlyList<string> Commands => _commands;

    public event Action<string>? RunRequested;

    public event Action<string>? CopyRequested;

    public event Action? Closed;

    public void Show(string title, IReadOnlyList<string> commands)
    {
        Title = title;
        _commands = commands;
        Selected = 0;
        _note = "";
        SetNeedsDraw();
    }

    /// <summary>A word in the last row, e.g. "copied".</summary>
    public void Note(string note)
    {
        _note = note;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var focus = GetAttributeForRole(VisualRole.Focus);
        var rows = Rows();
        var height = Math.Max(1, Viewport.Height - 1);
        // Scrolled just enough that the chosen command's first line is on screen.
        var first = rows.FindIndex(r => r.Command == Selected);
        var top = Math.Max(0, first - height + 1);
        for (var row = 0; row < height && top + row < rows.Count; row++)
        {
            var (command, text) = rows[top + row];
            SetAttribute(command == Selected ? focus : normal);
            Move(0, row);
            var line = text.PadRight(Viewport.Width);
            AddStr(line.Length > Viewport.Width ? line[..Viewport.Width] : line);
        }

        SetAttribute(GetAttributeForRole(VisualRole.Disabled));
        Move(0, Viewport.Height - 1);
        var footer = string.Join($" {_glyphs.Separator} ", "j/k choose", "Enter run", "y copy", "Esc close") + (_note.Length > 0 ? $"  {_note}" : "");
        AddStr(footer.Length > Viewport.Width ? footer[..Viewport.Width] : footer);
        SetAttribute(normal);
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_commands.Count == 0) return false;
        if (key == Key.Esc || KeyMap.IsLetter(key, 'q'))
        {
            Closed?.Invoke();
            return true;
        }

        if (key == Key.Enter)
        {
            RunRequested?.Invoke(_commands[Selected]);
            return true;
        }

        if (KeyMap.IsLetter(key, 'y'))
        {
            CopyRequested?.Invoke(_commands[Selected]);
            return true;
        }

        if (key == Key.CursorUp || KeyMap.IsLetter(key, 'k')) return Choose(Selected - 1);
        if (key == Key.CursorDown || KeyMap.IsLetter(key, 'j')) return Choose(Selected + 1);
        if (key.AsRune.Value is >= '1' and <= '9' && !key.IsCtrl && !key.IsAlt) return Choose(key.AsRune.Value - '1');
        return false;
    }

    private bool Choose(int index)
    {
        if (index < 0 || index >= _commands.Count) return true;
        Selected = index;
        _note = "";
        SetNeedsDraw();
        return true;
    }

    // One row per line of each command: "1  kubectl get pods", continuation lines indented under the text.
    private List<(int Command, string Text)> Rows()
    {
        var rows = new List<(int, string)>();
        for (var i = 0; i < _commands.Count; i++)
        {
            var lines = _commands[i].Split('\n');
            var number = $"{i + 1}".PadRight(3);
            rows.Add((i, $" {number}{lines[0]}"));
            rows.AddRange(lines.Skip(1).Select(l => (i, $"    {l}")));
        }

        return rows;
    }
}
