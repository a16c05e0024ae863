using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Tutor.Core.Checks;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>The app on its real main loop (headless ANSI driver), driven by keys scheduled on its timer queue.</summary>
public class RunningAppTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(30);

    private static void After(IApplication app, TimeSpan delay, Action action) =>
        app.AddTimeout(delay, () =>
        {
            action();
            return false;
        });

    private static void RunWithTimeout(Action run)
    {
        var task = Task.Run(run);
        task.Wait(TimeSpan.FromSeconds(20)).Should().BeTrue("the app must stop when q is pressed");
    }

    [Fact]
    public void Reports_the_first_draw_runs_keys_and_quits_on_q()
    {
        var engine = new FakeTutorEngine(SampleState.OnDeployments());
        var firstDraws = 0;
        var options = new TuiOptions(false, GlyphSet.Unicode) { OnFirstDraw = () => firstDraws++ };

        RunWithTimeout(() => TuiApp.RunOn(engine, options, DriverRegistry.Names.ANSI, new FakeDialogs(), app =>
        {
            After(app, Step, () => app.Keyboard.RaiseKeyDownEvent(Key.Esc));
            After(app, Step * 2, () => app.Keyboard.RaiseKeyDownEvent(new Key('a')));
            After(app, Step * 3, () => app.Keyboard.RaiseKeyDownEvent(new Key('q')));
        }));

        firstDraws.Should().Be(1);
        engine.Calls.Should().Equal("apply");
    }

    [Fact]
    public void A_change_reported_from_another_thread_is_drawn()
    {
        var engine = new FakeTutorEngine(SampleState.OnDeployments());
        string? screen = null;

        RunWithTimeout(() => TuiApp.RunOn(engine, new TuiOptions(false, GlyphSet.Unicode), DriverRegistry.Names.ANSI, new FakeDialogs(), app =>
        {
            var state = engine.State;
            Task.Run(() => engine.Publish(state with
            {
                Checks = [new CheckResult("3 replicas ready", CheckVerdict.Pass("3 of 3 ready"))],
            })).Wait();
            After(app, Step * 3, () =>
            {
                app.LayoutAndDraw(true);
                screen = app.Driver!.ToString();
                app.RequestStop();
            });
        }));

        screen.Should().Contain("✓ 3 replicas ready — 3 of 3 ready");
    }

    [Fact]
    public void The_real_confirmation_dialog_answers_no_unless_the_confirm_button_is_chosen()
    {
        var answers = new List<bool>();
        RunWithTimeout(() =>
        {
            using var app = Application.Create();
            app.Init(DriverRegistry.Names.ANSI);
            var dialogs = new Dialogs(app);

            After(app, Step, () => app.Keyboard.RaiseKeyDownEvent(Key.Enter));
            answers.Add(dialogs.Confirm("Apply the solution?", "Sure?", "Apply solution"));

            After(app, Step, () => app.Keyboard.RaiseKeyDownEvent(Key.Esc));
            answers.Add(dialogs.Confirm("Apply the solution?", "Sure?", "Apply solution"));

            After(app, Step, () => app.Keyboard.RaiseKeyDownEvent(Key.Tab));
            After(app, Step * 2, () => app.Keyboard.RaiseKeyDownEvent(Key.Enter));
            answers.Add(dialogs.Confirm("Apply the solution?", "Sure?", "Apply solution"));

            After(app, Step, () => app.Keyboard.RaiseKeyDownEvent(Key.CursorLeft));
            After(app, Step * 2, () => app.Keyboard.RaiseKeyDownEvent(Key.Enter));
            answers.Add(dialogs.Confirm("Apply the solution?", "Sure?", "Apply solution"));

            After(app, Step, () => app.Keyboard.RaiseKeyDownEvent(Key.Space));
            answers.Add(dialogs.Confirm("Apply the solution?", "Sure?", "Apply solution"));
        });

        // Enter, Esc and Space answer no; only moving to the confirm button first (Tab or Left) answers yes.
        answers.Should().Equal(false, false, true, true, false);
    }
}
