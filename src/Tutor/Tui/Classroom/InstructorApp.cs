using Terminal.Gui.App;
using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;

namespace Tutor.Tui.Classroom;

/// <summary>Runs the instructor's screen on a live room until the instructor quits.</summary>
public static class InstructorApp
{
    /// <summary>How often the screen redraws with nothing new, so times and who is stuck follow the clock (no request is made).</summary>
    private static readonly TimeSpan Reage = TimeSpan.FromSeconds(15);

    public static int Run(Catalogue catalogue, ClassroomRoomWatcher room, IClassroomActions actions, TimeSpan stuckAfter, TuiOptions options)
    {
        try
        {
            RunOn(catalogue, room, actions, stuckAfter, options, driver: null);
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"tutor: the screen failed: {ex.Message}");
            return 1;
        }
    }

    internal static void RunOn(Catalogue catalogue, ClassroomRoomWatcher room, IClassroomActions actions, TimeSpan stuckAfter, TuiOptions options, string? driver)
    {
        using IApplication app = Application.Create();
        app.Init(driver);
        using var window = new InstructorWindow(app, catalogue, room.Classroom, actions, new Dialogs(app), options, stuckAfter);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var update in room.ReadAllAsync(stop.Token))
            {
                var error = update is null ? room.LastError ?? "the cluster does not answer" : null;
                app.Invoke(() => window.ShowRoom(update, error));
            }
        }, stop.Token);
        app.AddTimeout(Reage, () =>
        {
            window.Redraw();
            return true;
        });
        try
        {
            app.Run(window);
        }
        finally
        {
            stop.Cancel();
            try
            {
                reading.Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
                // Cancelled, or the cluster went away as the screen closed: nothing to report.
            }
        }
    }
}
