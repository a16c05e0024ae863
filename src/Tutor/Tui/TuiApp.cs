using Terminal.Gui.App;

namespace Tutor.Tui;

/// <summary>The entry point of the full-screen app, called by the command line.</summary>
public static class TuiApp
{
    /// <summary>Runs the app until the learner quits; returns the process exit code.</summary>
    public static int Run(ITutorEngine engine, TuiOptions? options = null)
    {
        options ??= TuiOptions.FromEnvironment();
        try
        {
            using IApplication app = Application.Create();
            app.Init();
            var firstDrawn = false;
            app.LayoutAndDrawComplete += (_, _) =>
            {
                if (!firstDrawn)
                {
                    firstDrawn = true;
                    options.OnFirstDraw?.Invoke();
                }
            };

            using var window = new MainWindow(app, engine, options, new Dialogs(app));
            app.Run(window);
            return 0;
        }
        catch (Exception ex)
        {
            // The terminal is restored by now, so the learner can read why.
            Console.Error.WriteLine($"tutor: the screen failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Runs the app and calls <paramref name="onFirstDraw"/> once the first full screen is drawn.</summary>
    public static int Run(ITutorEngine engine, Action? onFirstDraw) =>
        Run(engine, TuiOptions.FromEnvironment() with { OnFirstDraw = onFirstDraw });
}
