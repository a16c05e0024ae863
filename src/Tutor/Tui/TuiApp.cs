using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>The entry point of the full-screen app, called by the command line.</summary>
public static class TuiApp
{
    /// <summary>Runs the app until the learner quits; returns the process exit code (0, or 1 when the screen failed).</summary>
    public static int Run(ITutorEngine engine, TuiOptions? options = null)
    {
        try
        {
            RunOn(engine, options ?? TuiOptions.FromEnvironment(), driver: null);
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

    /// <summary>
    /// Runs the app on a named driver (null: the platform's own). <paramref name="started"/> is called on the UI
    /// thread after the first draw with the running app, so tests can script keys against the real main loop.
    /// </summary>
    internal static void RunOn(ITutorEngine engine, TuiOptions options, string? driver, IDialogs? dialogs = null, Action<IApplication>? started = null)
    {
        using IApplication app = Application.Create();
        app.Init(driver);
        var firstDrawn = false;
        using var window = new MainWindow(app, engine, options, dialogs ?? new Dialogs(app));
        app.LayoutAndDrawComplete += (_, _) =>
        {
            if (firstDrawn)
            {
                return;
            }

            firstDrawn = true;
            options.OnFirstDraw?.Invoke();
            if (!options.Monochrome)
            {
                // The grammars load off the UI thread; the text is coloured a moment after the first screen.
                Task.Run(() => new TextMateSyntaxHighlighter()).ContinueWith(
                    loaded => app.Invoke(() => window.Step.Highlight(loaded.Result)),
                    TaskContinuationOptions.OnlyOnRanToCompletion);
            }

            started?.Invoke(app);
        };

        app.Run(window);
    }
}
