using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;

namespace Tutor.Tui.Classroom;

/// <summary>
/// The instructor's screen: the room live as a grid of learners × lessons, stuck learners highlighted, details of the
/// selected learner, and the keys that act on the room (reset a learner's lesson, move the pace). It draws what it is
/// given through <see cref="ShowRoom"/>; reading the cluster is the caller's.
/// </summary>
public sealed class InstructorWindow : Window
{
    public const string Keys = "↑/↓ select · Enter details · r reset lesson · + pace forward · - pace back · q quit";

    private readonly IApplication _app;
    private readonly Catalogue _catalogue;
    private readonly string _classroom;
    private readonly IClassroomActions _actions;
    private readonly IDialogs _dialogs;
    private readonly GlyphSet _glyphs;
    private readonly TimeSpan _stuckAfter;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly RoomGridView _grid;
    private readonly PanelLinesView _details;
    private readonly Label _message;
    private ClassroomRoom? _room;
    private string? _error;
    private bool _detailsOpen;
    private int _busy;

    public InstructorWindow(IApplication app, Catalogue catalogue, string classroom, IClassroomActions actions, IDialogs dialogs, TuiOptions options,
        TimeSpan stuckAfter, TimeProvider? clock = null)
    {
        _app = app;
        _catalogue = catalogue;
        _classroom = classroom;
        _actions = actions;
        _dialogs = dialogs;
        _glyphs = options.Glyphs;
        _stuckAfter = stuckAfter;
        _clock = clock ?? TimeProvider.System;
        var colors = new ColorSchemes(options.Monochrome);
        if (colors.WindowScheme is { } scheme) SetScheme(scheme);
        Width = Dim.Fill();
        Height = Dim.Fill();

        _grid = new RoomGridView(colors) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(Dim.Func(_ => DetailsHeight() + 2)) };
        _details = new PanelLinesView(width => DetailLines().Select(l => new PanelLine(l.Length > width ? l[..width] : l, PanelLineKind.Normal)).ToList(), colors)
        {
            X = 0, Y = Pos.Bottom(_grid), Width = Dim.Fill(), Height = Dim.Func(_ => DetailsHeight()),
        };
        _message = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Text = "" };
        var keys = new Label { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Text = options.Glyphs == GlyphSet.Ascii ? Keys.Replace("↑/↓", "up/down").Replace("·", "|") : Keys };
        Add(_grid, _details, _message, keys);
        ShowRoom(null, null);
        _grid.SetFocus();
    }

    /// <summary>The report last drawn (null before the room was first read).</summary>
    public ClassroomReport? Report { get; private set; }

    public string? SelectedLearner => _grid.Selected;

    /// <summary>Draws the room as read now; a null room with an error keeps the last room and says the cluster is out of reach.</summary>
    public void ShowRoom(ClassroomRoom? room, string? error)
    {
        if (room is not null) _room = room;
        var lost = room is null ? error : null;
        if (lost is not null && lost != _error) ShowMessage($"Connection lost: {lost}. The room shows as last read.");
        else if (lost is null && _error is not null) ShowMessage("Connected again.");
        _error = lost;
        Redraw();
    }

    /// <summary>Draws again with the same room, so "4m ago" and who is stuck follow the clock.</summary>
    public void Redraw()
    {
        var room = _room ?? new ClassroomRoom(_classroom, []);
        Report = ClassroomReport.Build(room, _clock.GetUtcNow(), _stuckAfter);
        var sep = $" {_glyphs.Separator} ";
        var state = _room is null && _error is null ? $"{sep}reading the room{_glyphs.Ellipsis}" : _error is not null ? $"{sep}{_glyphs.Lost} connection lost" : "";
        Title = $"Tutor instructor{sep}{Report.Summary(_glyphs.Separator)}{state}";
        _grid.Show(InstructorGrid.Lines(Report, _catalogue, _glyphs));
        if (_room is not null && room.Learners.Count == 0)
            ShowMessage($"No learners yet: no namespace is labelled {ClassroomNames.ClassroomLabel}={_classroom}.");
        SetNeedsLayout();
        SetNeedsDraw();
    }

    public void ShowMessage(string text)
    {
        _message.Text = text;
        SetNeedsDraw();
    }

    /// <summary>Runs a key's action; public so tests and the key handler share one path.</summary>
    public void Press(Key key)
    {
        if (key == Key.Q || key == Key.Q.WithShift)
        {
            _stopping.Cancel();
            _app.RequestStop();
        }
        else if (key == Key.Enter)
        {
            _detailsOpen = !_detailsOpen;
            SetNeedsLayout();
        }
        else if (key == Key.R || key == Key.R.WithShift)
        {
            Reset();
        }
        else if (key.AsRune.Value is '+' or '=')
        {
            Pace(1);
        }
        else if (key.AsRune.Value is '-' or '_')
        {
            Pace(-1);
        }
        else if (key == Key.Esc && _detailsOpen)
        {
            _detailsOpen = false;
            SetNeedsLayout();
        }

        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        // Esc never quits the instructor's screen (a habit from dialogs would end the session).
        if (key == Key.Esc || key == Key.Q || key == Key.Q.WithShift || key == Key.Enter || key == Key.R || key == Key.R.WithShift
            || key.AsRune.Value is '+' or '=' or '-' or '_')
        {
            Press(key);
            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }

        base.Dispose(disposing);
    }

    private IReadOnlyList<string> DetailLines() =>
        _detailsOpen && Selected() is { } row ? LearnerDetailsText.Lines(row, _catalogue, Report!.Now) : [];

    private int DetailsHeight() => _detailsOpen ? DetailLines().Count : 0;

    private ClassroomReportRow? Selected() => Report?.Rows.FirstOrDefault(r => r.Learner == _grid.Selected);

    private void Reset()
    {
        if (Selected() is not { } row || _room?.Learners.FirstOrDefault(l => l.Name == row.Learner) is not { } learner)
        {
            ShowMessage("No learner selected.");
            return;
        }

        if (row.Lesson is not { } lesson)
        {
            ShowMessage($"{row.Learner} has not started a lesson: nothing to reset.");
            return;
        }

        if (!_dialogs.Confirm("Reset the learner's lesson?",
                $"This deletes lesson {lesson}'s objects in namespace {learner.Namespace}\nand applies its starting state again.", "Reset lesson"))
        {
            ShowMessage($"{row.Learner}'s lesson {lesson} not reset.");
            return;
        }

        Run($"resetting lesson {lesson} of {row.Learner}", token => _actions.ResetLessonAsync(_classroom, learner, lesson, token));
    }

    private void Pace(int by)
    {
        if (_room is not { Learners.Count: > 0 } room)
        {
            ShowMessage("No learners to pace.");
            return;
        }

        var to = ClassroomPace.Move(_catalogue, room.UnlockTo, by);
        if (to == room.UnlockTo)
        {
            ShowMessage(by > 0 ? $"The pace is already at the last lesson ({to})." : $"The pace is already at the first lesson ({to}).");
            return;
        }

        Run($"pacing the room to lesson {to}", token => _actions.SetPaceAsync(_classroom, room.Learners, to, token));
    }

    /// <summary>An action is running; keys for another are refused until it ends.</summary>
    internal bool Busy => Volatile.Read(ref _busy) != 0;

    // One action at a time, off the UI thread; its result (or failure) is the message line.
    private async void Run(string busy, Func<CancellationToken, Task<string>> action)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            ShowMessage($"Still working on the last action{_glyphs.Ellipsis}");
            return;
        }

        ShowMessage(busy + _glyphs.Ellipsis);
        string result;
        try
        {
            // Not back on the UI thread's context: the result is marshalled by Invoke below, so no await depends on the main loop.
            result = await Task.Run(() => action(_stopping.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            result = $"{busy} failed: {e.Message}";
        }
        finally
        {
            Interlocked.Exchange(ref _busy, 0);
        }

        try
        {
            _app.Invoke(() => ShowMessage(result));
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // The screen closed meanwhile.
        }
    }
}
