using System.ComponentModel;
using System.Diagnostics;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Tutor.Core.Catalogue;

namespace Tutor.Tui;

/// <summary>
/// Tutor's main screen: lesson tree on the left; the step's text and manifest, the check panel and the hints in
/// the centre; the live objects on the right (on wide screens, or with o); progress and messages above the key
/// bar. The command picker, a command's output and the diff take the panes' place until closed. It renders
/// <see cref="ITutorEngine.State"/> and turns keys into engine actions; it holds no tutorial logic of its own.
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
    private readonly ObjectsPanel _objects;
    private readonly CommandPicker _picker;
    private readonly LinesPanel _output;
    private readonly TuiOptions _options;
    private readonly ICommandRunner _runner;
    private readonly Action<string> _writeRaw;
    private TutorState _state;
    private View? _overlay;
    private bool? _objectsShown;
    private CancellationTokenSource? _run;
    private int _redrawQueued;

    /// <summary>The panel on the right shows itself from this width on, unless o says otherwise.</summary>
    public const int ObjectsPanelMinWidth = 110;

    /// <param name="runner">Runs lesson commands (x); the shell by default.</param>
    /// <param name="writeRaw">Writes an escape sequence to the terminal (the clipboard's OSC 52); the driver by default.</param>
    public MainWindow(IApplication app, ITutorEngine engine, TuiOptions options, IDialogs dialogs, ICommandRunner? runner = null, Action<string>? writeRaw = null)
    {
        _app = app;
        _engine = engine;
        _dialogs = dialogs;
        _options = options;
        _runner = runner ?? new ShellCommandRunner();
        _writeRaw = writeRaw ?? (sequence => _app.Driver?.WriteRaw(sequence));
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
            // As wide as the longest lesson title needs, but never more than 40% of the screen (30% beside the objects).
            Width = Dim.Func(_ => Math.Clamp(_lessons!.PreferredWidth(), 16, Math.Max(16, Viewport.Width * (ObjectsVisible ? 30 : 40) / 100))),
            Height = Dim.Fill(Dim.Func(_ => BottomHeight())),
        };
        _lessons.LessonOpened += OpenLesson;

        var centreWidth = Dim.Fill(Dim.Func(_ => ObjectsWidth()));
        _checks = new CheckPanel(_glyphs, colors) { X = Pos.Right(_lessons), Width = centreWidth };
        _hints = new HintPanel(colors) { X = Pos.Right(_lessons), Width = centreWidth };
        _step = new StepView(_glyphs, colors)
        {
            X = Pos.Right(_lessons),
            Y = 0,
            Width = centreWidth,
            Height = Dim.Fill(Dim.Func(_ => ChecksHeight() + HintsHeight() + BottomHeight())),
        };
        _checks.Y = Pos.Bottom(_step);
        _checks.Height = Dim.Func(_ => ChecksHeight());
        _hints.Y = Pos.Bottom(_checks);
        _hints.Height = Dim.Func(_ => HintsHeight());

        _objects = new ObjectsPanel(_glyphs, colors) { X = Pos.AnchorEnd(), Y = 0, Width = Dim.Func(_ => ObjectsWidth()), Height = Dim.Fill(Dim.Func(_ => BottomHeight())) };
        // The picker and the output take the whole width, as a terminal would give them: output needs the columns.
        _picker = new CommandPicker(_glyphs) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(Dim.Func(_ => BottomHeight())) };
        _picker.RunRequested += RunLessonCommand;
        _picker.CopyRequested += Copy;
        _picker.Closed += CloseOverlay;
        _output = new LinesPanel(colors) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(Dim.Func(_ => BottomHeight())) };
        _output.Closed += CloseOverlay;

        _status = new StatusLine(_glyphs) { X = 0, Y = Pos.AnchorEnd() - 1 };

        Add(_lessons, _step, _checks, _hints, _objects, _picker, _output, _status, new KeyBar(Execute) { X = 0, Y = Pos.AnchorEnd(1) });

        // Subscribe before the first read, so a change between the two is not lost.
        engine.Changed += OnEngineChanged;
        _state = engine.State;
        Render(_state);
    }

    /// <summary>The state last drawn.</summary>
    public TutorState State => _state;

    internal StatusLine Status => _status;

    internal StepView Step => _step;

    /// <summary>Set when the learner asked to edit a file: the app stops so the editor can own the terminal, then starts again.</summary>
    public EditRequest? PendingEdit { get; private set; }

    /// <summary>Whether the objects panel is on screen: on wide screens unless hidden with o, on narrow ones when shown with o.</summary>
    public bool ObjectsVisible => _objectsShown ?? Viewport.Width >= ObjectsPanelMinWidth;

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
                _status.Show("This step has no solution.");
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
            case TutorCommand.RunCommand or TutorCommand.Diff or TutorCommand.Edit when step is null:
                _status.Show("Open a lesson first.");
                break;
            case TutorCommand.RunCommand when step.Commands is not { Count: > 0 }:
                _status.Show("This step's text shows no commands to run.");
                break;
            case TutorCommand.RunCommand:
                _picker.Show($"Commands of step {step.Number}", step.Commands);
                ShowOverlay(_picker);
                break;
            case TutorCommand.Diff when !step.HasSolution:
                _status.Show("This step has no solution to compare with.");
                break;
            case TutorCommand.Diff:
                ShowDiff(step.Number);
                break;
            case TutorCommand.Edit when step.ManifestPath is null:
                _status.Show("This step has no manifest to edit: follow the text (kubectl).");
                break;
            case TutorCommand.Edit:
                RequestEdit(step.ManifestPath);
                break;
            case TutorCommand.Objects:
                _objectsShown = !ObjectsVisible;
                _status.Show(_objectsShown.Value ? "Objects panel shown (o hides it)." : "Objects panel hidden (o shows it).");
                SetNeedsLayout();
                break;
            case TutorCommand.Help:
                _dialogs.ShowHelp(KeyMap.HelpText(_state.Connection.KubectlHint));
                break;
            case TutorCommand.Quit:
                _run?.Cancel();
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
            _run?.Cancel();
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
        _objects.Update(state);
        _status.Update(state);
        if (_overlay is not null) HidePanes();
        SetNeedsLayout();
        SetNeedsDraw();
    }

    /// <summary>The picker, an output or the diff takes the place of the panes until closed.</summary>
    private void ShowOverlay(View overlay)
    {
        if (_overlay is not null && _overlay != overlay)
        {
            // Nothing runs out of sight: leaving a command's output stops the command.
            if (_overlay == _output) _run?.Cancel();
            _overlay.Visible = false;
        }

        _overlay = overlay;
        overlay.Visible = true;
        overlay.SetFocus();
        HidePanes();
        SetNeedsLayout();
    }

    private void HidePanes()
    {
        _lessons.Visible = false;
        _step.Visible = false;
        _checks.Visible = false;
        _hints.Visible = false;
        _objects.Visible = false;
    }

    private void CloseOverlay()
    {
        // A command left running when its output closes is stopped: nothing runs out of sight.
        _run?.Cancel();
        if (_overlay is not null) _overlay.Visible = false;
        _overlay = null;
        _lessons.Visible = true;
        _step.Visible = true;
        _checks.Visible = true;
        _objects.Visible = true;
        _hints.Update(_state);
        _lessons.SetFocus();
        SetNeedsLayout();
        SetNeedsDraw();
    }

    private void Copy(string command)
    {
        _writeRaw(Osc52.Copy(command));
        _picker.Note($"{_glyphs.Pass} copied");
        _status.Show($"Copied to the clipboard: {FirstLine(command)}");
    }

    private void RunLessonCommand(string command)
    {
        _run?.Cancel();
        var run = new CancellationTokenSource();
        _run = run;
        _output.Show($"$ {FirstLine(command)}", command.Split('\n').Select(l => new PanelLine($"$ {l}", PanelLineKind.Heading)),
            $"running{_glyphs.Ellipsis} Ctrl+C or s stops, Esc closes", follow: true);
        _output.Cancel = run.Cancel;
        ShowOverlay(_output);
        _ = RunAsync(command, run);
    }

    private async Task RunAsync(string command, CancellationTokenSource run)
    {
        var started = Stopwatch.GetTimestamp();
        string footer;
        try
        {
            var code = await _runner.RunAsync(command, _state.Catalogue.Root, _state.Connection.ShellEnvironment, (text, error) =>
            {
                _output.Add(new PanelLine(text, error ? PanelLineKind.Error : PanelLineKind.Normal));
                QueueRedraw();
            }, run.Token);
            footer = $"{(code == 0 ? _glyphs.Pass : _glyphs.Fail)} exit {code} {_glyphs.Separator} {Seconds(started)} {_glyphs.Separator} Esc closes";
        }
        catch (OperationCanceledException)
        {
            footer = $"{_glyphs.Fail} stopped after {Seconds(started)} {_glyphs.Separator} Esc closes";
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or InvalidOperationException)
        {
            footer = $"{_glyphs.Fail} could not run the command: {ex.Message}";
        }

        Post(() =>
        {
            if (_run == run)
            {
                _run = null;
                _output.Cancel = null;
                _output.Footer = footer;
            }

            run.Dispose();
        });
    }

    private async void ShowDiff(int step)
    {
        _run?.Cancel();
        var title = $"Diff {_glyphs.Dash} your objects against step {step}'s solution";
        _output.Show(title, [], $"reading your objects{_glyphs.Ellipsis}", follow: false);
        _output.Cancel = null;
        ShowOverlay(_output);
        IReadOnlyList<PanelLine> lines;
        try
        {
            lines = DiffText.Lines(await _engine.DiffAsync(_stopping.Token), step, _glyphs);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            lines = [new PanelLine($"diff failed: {ex.Message}", PanelLineKind.Error)];
        }

        Post(() =>
        {
            // The learner may have closed it or run a command meanwhile.
            if (_overlay == _output && _output.Title == title) _output.Show(title, lines, $"- solution, + live {_glyphs.Separator} j/k PgUp/PgDn scroll {_glyphs.Separator} Esc closes", follow: false);
        });
    }

    private void RequestEdit(string manifest)
    {
        var editor = EditorCommand.Choose(_options.Environment, program => EditorCommand.IsOnPath(program, _options.Environment("PATH")));
        if (editor is null)
        {
            _status.Show(EditorCommand.NoneFound);
            return;
        }

        _run?.Cancel();
        PendingEdit = new EditRequest(editor, _state.Catalogue.PathOf(manifest));
        _app.RequestStop();
    }

    // Output may arrive faster than the screen redraws: one redraw is queued at a time.
    private void QueueRedraw()
    {
        if (Interlocked.Exchange(ref _redrawQueued, 1) == 1) return;
        Post(() =>
        {
            Volatile.Write(ref _redrawQueued, 0);
            _output.SetNeedsDraw();
        });
    }

    private int ObjectsWidth() => ObjectsVisible ? ObjectsPanelText.Width(Viewport.Width) : 0;

    private string FirstLine(string command) => command.Split('\n')[0] + (command.Contains('\n') ? $" {_glyphs.Ellipsis}" : "");

    private static string Seconds(long started) => $"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s";

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

    /// <summary>The status lines and the key bar under the panels.</summary>
    private int BottomHeight() => _status.HeightFor(Viewport.Width) + 1;

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
    private int InnerCentreWidth() => Math.Max(10, Viewport.Width - _lessons.Frame.Width - ObjectsWidth() - 2);
}
