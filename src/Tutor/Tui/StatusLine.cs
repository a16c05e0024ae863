using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>
/// The lines above the key bar: progress through the catalogue, then the latest message. A message longer than
/// the line wraps onto a few more (the screen above gives them up): an apply the API server refuses names the
/// file, the object, the field and the rule, and a learner needs all of it.
/// </summary>
public sealed class StatusLine : View
{
    /// <summary>The most lines a message takes; a longer one ends in an ellipsis.</summary>
    public const int MaxLines = 4;

    private const int BarWidth = 16;

    private readonly ProgressBar _bar;
    private readonly Label _progress;
    private readonly Label _message;
    private string _text = "";
    private string? _lastEngineMessage;

    private readonly GlyphSet _glyphs;

    public StatusLine(GlyphSet glyphs)
    {
        _glyphs = glyphs;
        Height = Dim.Func(_ => HeightFor(SuperView?.Viewport.Width ?? Frame.Width));
        Width = Dim.Fill();
        CanFocus = false;
        _bar = new ProgressBar { X = 0, Y = 0, Width = BarWidth, Height = 1, ProgressBarStyle = ProgressBarStyle.Continuous, CanFocus = false };
        _progress = new Label { X = Pos.Right(_bar) + 1, Y = 0, Text = "" };
        _message = new Label { X = Pos.Right(_progress) + 2, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), Text = "" };
        Add(_bar, _progress, _message);
        FrameChanged += (_, _) => WrapMessage();
    }

    /// <summary>The whole message, however it is wrapped on screen.</summary>
    public string Message => _text;

    public string ProgressLabel => _progress.Text;

    /// <summary>How many lines the status takes on a screen this wide.</summary>
    public int HeightFor(int width) => MessageLines(width).Count;

    public void Update(TutorState state)
    {
        _bar.Fraction = (float)state.Progress.Fraction;
        _progress.Text = ProgressText.Format(state.Progress, _glyphs);

        // The engine's message shows when it changes; a message of the window's own stays until then.
        if (state.Busy is { } busy)
        {
            SetMessage(busy);
        }
        else if (state.Message != _lastEngineMessage)
        {
            SetMessage(state.Message ?? "");
        }
        else
        {
            // The progress text beside the message may have grown, leaving the message fewer columns.
            WrapMessage();
        }

        _lastEngineMessage = state.Message;
    }

    /// <summary>Shows a message of the window's own (e.g. "finish this step first").</summary>
    public void Show(string message) => SetMessage(message);

    private void SetMessage(string text)
    {
        _text = text;
        WrapMessage();
        SuperView?.SetNeedsLayout();
    }

    private void WrapMessage() => _message.Text = string.Join("\n", MessageLines(Frame.Width));

    private IReadOnlyList<string> MessageLines(int width)
    {
        var columns = Math.Max(8, width - (BarWidth + 1 + _progress.Text.Length + 2));
        var lines = TextWrap.Wrap(_text, columns);
        if (lines.Count == 0) return [""];
        if (lines.Count <= MaxLines) return lines;
        var last = lines[MaxLines - 1];
        return [.. lines.Take(MaxLines - 1), last[..Math.Min(last.Length, columns - 2)] + " …"];
    }
}
