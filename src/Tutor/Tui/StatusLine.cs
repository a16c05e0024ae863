using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>The line above the key bar: progress through the catalogue, then the latest message.</summary>
public sealed class StatusLine : View
{
    private readonly ProgressBar _bar;
    private readonly Label _progress;
    private readonly Label _message;
    private string? _lastEngineMessage;

    private readonly GlyphSet _glyphs;

    public StatusLine(GlyphSet glyphs)
    {
        _glyphs = glyphs;
        Height = 1;
        Width = Dim.Fill();
        CanFocus = false;
        _bar = new ProgressBar { X = 0, Y = 0, Width = 16, Height = 1, ProgressBarStyle = ProgressBarStyle.Continuous, CanFocus = false };
        _progress = new Label { X = Pos.Right(_bar) + 1, Y = 0, Text = "" };
        _message = new Label { X = Pos.Right(_progress) + 2, Y = 0, Width = Dim.Fill(), Text = "" };
        Add(_bar, _progress, _message);
    }

    public string Message => _message.Text;

    public string ProgressLabel => _progress.Text;

    public void Update(TutorState state)
    {
        _bar.Fraction = (float)state.Progress.Fraction;
        _progress.Text = ProgressText.Format(state.Progress, _glyphs);

        // The engine's message shows when it changes; a message of the window's own stays until then.
        if (state.Busy is { } busy)
        {
            _message.Text = busy;
        }
        else if (state.Message != _lastEngineMessage)
        {
            _message.Text = state.Message ?? "";
        }

        _lastEngineMessage = state.Message;
    }

    /// <summary>Shows a message of the window's own (e.g. "finish this step first").</summary>
    public void Show(string message) => _message.Text = message;
}
