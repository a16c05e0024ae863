using System.ComponentModel;
using System.Diagnostics;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>The entry point of the full-screen app, called by the command line.</summary>
public static class TuiApp
{
    // Loaded once: the screen starts again after the editor, and the grammars need not load twice.
    private static readonly Lazy<Task<TextMateSyntaxHighlighter>> Highlighter = new(() => Task.Run(() => new TextMateSyntaxHighlighter()));

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
    /// thread after the first draw with the running app (again after each return from the editor), so tests can
    /// script keys against the real main loop.
    /// </summary>
    /// <remarks>
    /// An editor needs the terminal to itself: Terminal.Gui's input thread would read its keys, and its Suspend is
    /// a job-control stop (SIGTSTP), not a hand-over. So the app is shut down (the terminal restored), the editor
    /// runs, and the app starts again on the same engine, which keeps every state worth keeping.
    /// </remarks>
    internal static void RunOn(ITutorEngine engine, TuiOptions options, string? driver, IDialogs? dialogs = null, Action<IApplication>? started = null)
    {
        string? afterEdit = null;
        while (true)
        {
            var edit = RunOnce(engine, options, driver, dialogs, started, afterEdit);
            if (edit is null)
            {
                return;
            }

            // The start-up benchmark measures the first screen only.
            options = options with { OnFirstDraw = null };
            afterEdit = Edit(edit) ?? "";
            engine.ReloadManifestAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs the editor on the file with the terminal; returns what to say when it failed, else null.</summary>
    internal static string? Edit(EditRequest request)
    {
        var start = new ProcessStartInfo(request.Editor.Program) { UseShellExecute = false };
        foreach (var argument in request.Editor.Arguments(request.File)) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            // The shell says 127 when the command is not there: the variable names an editor that is not installed.
            return process.ExitCode switch
            {
                0 => null,
                127 => $"The editor \"{request.Editor.Editor}\" (from {request.Editor.Source}) was not found: set $EDITOR to one that is installed.",
                var code => $"The editor \"{request.Editor.Editor}\" exited with code {code}.",
            };
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return $"The editor could not start: {ex.Message}";
        }
    }

    /// <param name="message">Null on the first start; after the editor, what went wrong with it ("" when nothing did).</param>
    private static EditRequest? RunOnce(ITutorEngine engine, TuiOptions options, string? driver, IDialogs? dialogs, Action<IApplication>? started, string? message)
    {
        using IApplication app = Application.Create();
        app.Init(driver);
        var firstDrawn = false;
        using var window = new MainWindow(app, engine, options, dialogs ?? new Dialogs(app));
        // After the editor: what went wrong, if anything, and the manifest as saved in view.
        if (message is { Length: > 0 })
        {
            window.Status.Show(message);
        }

        app.LayoutAndDrawComplete += (_, _) =>
        {
            if (firstDrawn)
            {
                return;
            }

            firstDrawn = true;
            options.OnFirstDraw?.Invoke();

            // Back from the editor, the manifest as saved is in view (once more after colouring, which re-renders the text).
            if (message is not null)
            {
                window.Step.ScrollToManifest();
            }

            if (!options.Monochrome)
            {
                // The grammars load off the UI thread; the text is coloured a moment after the first screen.
                Highlighter.Value.ContinueWith(
                    loaded => app.Invoke(() =>
                    {
                        window.Step.Highlight(loaded.Result);
                        if (message is not null) window.Step.ScrollToManifest();
                    }),
                    TaskContinuationOptions.OnlyOnRanToCompletion);
            }

            started?.Invoke(app);
        };

        app.Run(window);
        return window.PendingEdit;
    }
}
