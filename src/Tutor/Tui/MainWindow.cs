using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Tutor.Core.Catalogue;

namespace Tutor.Tui;

/// <summary>
/// Tutor's main screen: lesson tree on the left; the step's text and manifest, the check panel and the hints in
/// the centre; progress and messages above the key bar. It renders <see cref="ITutorEngine.State"/> and turns
/// keys into engine actions; it holds no tutorial logic of its own.
/// </summary>
public sealed class MainWindow : Window
{
    private readonly IApplication _app;
    private readonly ITutorEngine _engine;
    private readonly IDialogs _dialogs;
    private readonly CancellationTokenSource _stopping = new();
    private readonly LessonTreeView _lessons;
    private readonly StepView _step;
    private readonly CheckPanel _checks;
    private readonly HintPanel _hints;
    private readonly StatusLine _status;
    private readonly GlyphSet _glyphs;
    private TutorState _state;

    public MainWindow(IApplication app, ITutorEngine engine, TuiOptions options, IDialogs dialogs)
    {
        _app = app;
        _engine = engine;
        _dialogs = dialogs;
        _glyphs = options.Glyphs;
        var colors = new ColorSchemes(options.Monochrome);
        if (colors.WindowScheme is { } scheme)
        {
            SetScheme(scheme);
        }

        Width = Dim.Fill();
        Height = Dim.Fill();

        _lessons = new LessonTreeView(_glyphs)
        {
            X = 0,
            Y = 0,
            // As wide as the longest lesson title needs, but never more than 40% of the screen.
            Width = Dim.Func(_ => Math.Clamp(_lessons!.PreferredWidth(), 16, Math.Max(16, Viewport.Width * 40 / 100))),
            Height = Dim.Fill(2),
        };
        _lessons.LessonOpened += OpenLesson;

        _checks = new CheckPanel(_glyphs, colors) { X = Pos.Right(_lessons), Width = Dim.Fill() };
        _hints = new HintPanel(colors) { X = Pos.Right(_lessons), Width = Dim.Fill() };
        _step = new StepView(_glyphs, colors)
        {
            X = Pos.Right(_lessons),
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(Dim.Func(_ => ChecksHeight() + HintsHeight() + 2)),
        };
        _checks.Y = Pos.Bottom(_step);
        _checks.Height = Dim.Func(_ => ChecksHeight());
        _hints.Y = Pos.Bottom(_checks);
        _hints.Height = Dim.Func(_ => HintsHeight());

        _status = new StatusLine(_glyphs) { X = 0, Y = Pos.AnchorEnd(2) };

        Add(_lessons, _step, _checks, _hints, _status, new KeyBar(Execute) { X = 0, Y = Pos.AnchorEnd(1) });

        // Subscribe before the first read, so a change between the two is not lost.
        engine.Changed += OnEngineChanged;
        _state = engine.State;
        Render(_state);
    }

    /// <summary>The state last drawn.</summary>
    public TutorState State => _state;

    internal StatusLine Status => _status;

    internal StepView Step => _step;

    /// <summary>Runs a command as if its key had been pressed.</summary>
    public void Execute(TutorCommand command)
    {
        var step = _state.Step;
        switch (command)
        {
            case TutorCommand.Apply when step is null:
                _status.Show("Open a lesson first.");
                break;
            case TutorCommand.Apply when step.ManifestYaml is null:
                _status.Show("This step has no manifest to apply: follow the text (kubectl).");
                break;
            case TutorCommand.Apply:
                Fire(_engine.ApplyAsync, "apply");
                break;
            case TutorCommand.Check:
                Fire(_engine.CheckAsync, "check");
                break;
            case TutorCommand.NextStep when step is { NextUnlocked: false }:
                _status.Show($"Finish this step first: step {step.Number} must pass its checks.");
                break;
            case TutorCommand.NextStep:
                Fire(_engine.NextStepAsync, "next step");
                break;
            case TutorCommand.PreviousStep:
                Fire(_engine.PreviousStepAsync, "previous step");
                break;
            case TutorCommand.Hint when step is null:
                _status.Show("Open a lesson first.");
                break;
            case TutorCommand.Hint when _state.Hints.Total == 0:
                _status.Show("This step has no hints.");
                break;
            case TutorCommand.Hint when !_state.Hints.AnyLeft:
                _status.Show($"That was the last hint ({_state.Hints.Total}/{_state.Hints.Total}).");
                break;
            case TutorCommand.Hint:
                Fire(_engine.RevealHintAsync, "hint");
                break;
            case TutorCommand.Solution when step is null:
                _status.Show("Open a lesson first.");
                break;
            case TutorCommand.Solution when !step.HasSolution:
                _status.Show("This step has no solution manifest.");
                break;
            case TutorCommand.Solution:
                if (_dialogs.Confirm(
                        "Apply the solution?",
                        $"This applies the solution of step {step.Number} to namespace {_state.Connection.Namespace},\nreplacing what you applied yourself.",
                        "Apply solution"))
                {
                    Fire(_engine.ApplySolutionAsync, "solution");
                }
                else
                {
                    _status.Show("Solution not applied.");
                }

                break;
            case TutorCommand.Reset when step is null:
                _status.Show("Open a lesson first.");
                break;
            case TutorCommand.Reset:
                if (_dialogs.Confirm(
                        "Reset the lesson?",
                        $"This deletes lesson {step.LessonId}'s objects in namespace {_state.Connection.Namespace}\nand applies its starting state again.",
                        "Reset lesson"))
                {
                    Fire(_engine.ResetLessonAsync, "reset");
                }
                else
                {
                    _status.Show("Lesson not reset.");
                }

                break;
            case TutorCommand.Help:
                _dialogs.ShowHelp(KeyMap.HelpText(_state.Connection.KubectlHint));
                break;
            case TutorCommand.Quit:
                _stopping.Cancel();
                _app.RequestStop();
                break;
        }

        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        // Terminal.Gui quits the top window on Esc; here Esc does nothing so a learner leaving a menu does not leave Tutor.
        if (KeyMap.IsSwallowedOnMainWindow(key))
        {
            return true;
        }

        if (KeyMap.CommandFor(key) is { } command)
        {
            Execute(command);
            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _engine.Changed -= OnEngineChanged;
            _stopping.Cancel();
            _stopping.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OnEngineChanged(object? sender, EventArgs e)
    {
        try
        {
            _app.Invoke(() => Render(_engine.State));
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // The app has shut down while the engine still reported; nothing left to draw on.
        }
    }

    private void Render(TutorState state)
    {
        _state = state;
        Title = HeaderText.Title(state.Connection, _glyphs, state.Classroom);
        _lessons.Update(state);
        _step.Update(state);
        _checks.Update(state);
        _hints.Update(state);
        _status.Update(state);
        SetNeedsLayout();
        SetNeedsDraw();
    }

    private void OpenLesson(Lesson lesson)
    {
        var progress = _state.ProgressOf(lesson.Id);
        if (progress.Mark == LessonMark.Locked)
        {
            _status.Show(LessonTreeText.LockedMessage(lesson, progress));
            SetNeedsDraw();
            return;
        }

        Fire(token => _engine.SelectLessonAsync(lesson.Id, token), $"open lesson {lesson.Id}");
    }

    // Actions run without blocking the UI; a failure shows in the message line instead of ending the app.
    private async void Fire(Func<CancellationToken, Task> action, string what)
    {
        try
        {
            await action(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Post(() => _status.Show($"{what} failed: {ex.Message}"));
        }
    }

    private void Post(Action action)
    {
        try
        {
            _app.Invoke(() =>
            {
                action();
                SetNeedsDraw();
            });
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private int ChecksHeight()
    {
        var rows = _checks.RowsAt(InnerCentreWidth());
        var max = Math.Max(3, Viewport.Height * 40 / 100);
        return Math.Clamp(rows + 2, 3, max);
    }

    private int HintsHeight()
    {
        if (!_hints.Visible)
        {
            return 0;
        }

        var rows = _hints.RowsAt(InnerCentreWidth());
        var max = Math.Max(3, Viewport.Height * 25 / 100);
        return Math.Clamp(rows + 2, 3, max);
    }

    // The centre panes span from the tree's right edge to the window's; their frames take one column each side.
    private int InnerCentreWidth() => Math.Max(10, Viewport.Width - _lessons.Frame.Width - 2);
}
