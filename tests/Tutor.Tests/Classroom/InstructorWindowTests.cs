using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Tutor.Core.Classroom;
using Tutor.Tests.Engine;
using Tutor.Tests.Tui;
using Tutor.Tui;
using Tutor.Tui.Classroom;

namespace Tutor.Tests.Classroom;

/// <summary>The instructor's screen headless on the ANSI driver, with the room given and the actions recorded.</summary>
public sealed class InstructorWindowTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly IApplication _app;
    private readonly SessionToken? _session;
    private readonly FakeDialogs _dialogs = new();
    private readonly RecordingActions _actions = new();
    private readonly InstructorWindow _window;

    public InstructorWindowTests()
    {
        _app = Application.Create();
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(120, 20);
        _window = new InstructorWindow(_app, ShippedCatalogue.Files().Catalogue, "k8s", _actions, _dialogs, new TuiOptions(false, GlyphSet.Unicode),
            TimeSpan.FromMinutes(5), new FixedTime(Now));
        _session = _app.Begin(_window);
        _window.ShowRoom(Room("120"), null);
    }

    private string Screen
    {
        get
        {
            _app.LayoutAndDraw(true);
            return _app.Driver!.ToString() ?? "";
        }
    }

    private static ClassroomRoom Room(string? unlockTo) => new("k8s",
    [
        new ClassroomLearner("ada", "k8s-ada", new ClassroomProgressRecord
        {
            Learner = "ada", Lesson = "110", Step = 2, Passed = new Dictionary<string, int[]> { ["101"] = [1, 2], ["110"] = [1] },
            LastProgress = Now.AddMinutes(-2), UpdatedAt = Now,
        }, unlockTo),
        new ClassroomLearner("bob", "k8s-bob", new ClassroomProgressRecord
        {
            Learner = "bob", Lesson = "101", Step = 2, Passed = new Dictionary<string, int[]> { ["101"] = [1] },
            LastProgress = Now.AddMinutes(-20), FailingCheck = "Namespace is labelled", FailingSince = Now.AddMinutes(-9), UpdatedAt = Now,
        }, unlockTo),
        new ClassroomLearner("cy", "k8s-cy", null, unlockTo),
    ]);

    [Fact]
    public void The_grid_shows_learners_by_lessons_with_marks_and_the_header_counts_the_room()
    {
        var screen = Screen;
        screen.Should().Contain("Tutor instructor · classroom k8s · paced to 120 · 3 learners: 1 on track, 1 stuck, 1 idle");
        var lines = screen.Split('\n');
        var header = lines.Single(l => l.Contains("LEARNER"));
        header.Should().Contain("101").And.Contain("110").And.Contain("120|").And.Contain("STUCK");
        var ada = lines.Single(l => l.Contains(" ada "));
        ada.Should().Contain("✓").And.Contain("▶2").And.Contain("2m ago");
        var bob = lines.Single(l => l.Contains(" bob "));
        bob.Should().Contain("! bob").And.Contain("9m on Namespace is labelled");
        lines.Single(l => l.Contains(" cy ")).Should().Contain("·");
        screen.Should().Contain("r reset lesson").And.Contain("+ pace forward");
    }

    [Fact]
    public void Enter_shows_the_selected_learners_details_and_arrows_move_the_selection()
    {
        _window.SelectedLearner.Should().Be("ada");
        _app.Keyboard.RaiseKeyDownEvent(Key.CursorDown);
        _window.SelectedLearner.Should().Be("bob");

        _app.Keyboard.RaiseKeyDownEvent(Key.Enter);

        var screen = Screen;
        screen.Should().Contain("bob · namespace k8s-bob");
        screen.Should().Contain("Failing for 9m (stuck): Namespace is labelled");
        _app.Keyboard.RaiseKeyDownEvent(Key.Enter);
        Screen.Should().NotContain("namespace k8s-bob");
    }

    [Fact]
    public void R_resets_the_selected_learners_current_lesson_only_after_asking()
    {
        _app.Keyboard.RaiseKeyDownEvent(Key.CursorDown);
        _dialogs.Answer = false;
        _app.Keyboard.RaiseKeyDownEvent(Key.R);
        _dialogs.Asked.Should().Equal("Reset the learner's lesson?");
        Screen.Should().Contain("bob's lesson 101 not reset");
        _actions.Calls.Should().BeEmpty();

        _dialogs.Answer = true;
        _app.Keyboard.RaiseKeyDownEvent(Key.R);

        _actions.Next().Should().Be("reset k8s-bob 101");
    }

    [Fact]
    public void Plus_and_minus_move_the_pace_for_every_learner()
    {
        _app.Keyboard.RaiseKeyDownEvent(new Key('+'));
        _actions.Next().Should().Be("pace 130 k8s-ada,k8s-bob,k8s-cy");
        // The action has been called but may not have ended: a key meanwhile is refused, one action at a time.
        SpinWait.SpinUntil(() => !_window.Busy, TimeSpan.FromSeconds(10)).Should().BeTrue("the first action ends");

        _window.ShowRoom(Room("130"), null);
        _app.Keyboard.RaiseKeyDownEvent(new Key('-'));
        _actions.Next().Should().Be("pace 120 k8s-ada,k8s-bob,k8s-cy");
    }

    [Fact]
    public void A_cluster_out_of_reach_keeps_the_last_room_and_says_so()
    {
        _window.ShowRoom(null, "cannot reach https://127.0.0.1:1");
        var screen = Screen;
        screen.Should().Contain("cannot reach https://127.0.0.1:1");
        screen.Should().Contain(" ada ");
    }

    public void Dispose()
    {
        if (_session is not null) _app.End(_session);
        _window.Dispose();
        _app.Dispose();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RecordingActions : IClassroomActions
    {
        private readonly SemaphoreSlim _called = new(0);

        public List<string> Calls { get; } = [];

        public Task<string> ResetLessonAsync(string classroom, ClassroomLearner learner, string lessonId, CancellationToken cancellationToken) =>
            Record($"reset {learner.Namespace} {lessonId}");

        public Task<string> SetPaceAsync(string classroom, IReadOnlyList<ClassroomLearner> learners, string unlockTo, CancellationToken cancellationToken) =>
            Record($"pace {unlockTo} {string.Join(",", learners.Select(l => l.Namespace))}");

        // Blocking on purpose: the test thread runs the app, and an await there could resume on a main loop nobody runs.
        public string Next()
        {
            _called.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("the action should have been called");
            lock (Calls) return Calls[^1];
        }

        private Task<string> Record(string call)
        {
            lock (Calls) Calls.Add(call);
            _called.Release();
            return Task.FromResult("done");
        }
    }
}
