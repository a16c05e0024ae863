using System.CommandLine;
using Tutor.Core.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>
/// <c>tutor classroom status --name WS [--watch] [--stuck-after 5m] [--output json]</c>: the room read from the cluster,
/// a row per learner. With <c>--watch</c> it redraws on every change the room's watch brings (and as times age), never polling.
/// </summary>
public static class ClassroomStatusCommand
{
    /// <summary>How often a watched table is redrawn with nothing new from the cluster, so "4m ago" and "stuck" stay true.</summary>
    private static readonly TimeSpan Reage = TimeSpan.FromSeconds(15);

    public static Command Create(GlobalOptions global, CliIo io)
    {
        var name = ClassroomOptions.Name();
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep watching and redraw on every change (Ctrl+C ends)" };
        var stuckAfter = ClassroomOptions.StuckAfter();
        var output = OutputOption.Create();
        var command = new Command("status", "Show where every learner of a classroom is, and who is stuck") { name, watch, stuckAfter, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var classroom = parse.GetValue(name)!;
            var context = new VerbContext(io, global, parse);
            var totalSteps = context.LoadCatalogue() is { } files ? ClassroomLessons.Taught(files.Catalogue).Lessons.Sum(l => l.Steps.Count) : (int?)null;
            var choice = await context.Connector().ConnectAsync(cancellationToken);
            if (choice.Session is null) return choice.ExitCode;
            using var session = choice.Session;
            var json = OutputOption.IsJson(parse, output);
            var threshold = parse.GetValue(stuckAfter);
            await using var watcher = new ClassroomRoomWatcher(session.Connection, classroom);
            if (!parse.GetValue(watch))
            {
                await foreach (var room in watcher.ReadAllAsync(cancellationToken))
                {
                    if (room is null)
                    {
                        io.Error.WriteLine($"tutor: {watcher.LastError ?? $"cannot reach the cluster at {session.Server}"}");
                        return ExitCodes.Unreachable;
                    }

                    io.Out.WriteLine(json ? ClassroomReportText.Json(ClassroomReport.Build(room, DateTimeOffset.UtcNow, threshold), threshold)
                        : ClassroomReportText.Table(ClassroomReport.Build(room, DateTimeOffset.UtcNow, threshold), totalSteps));
                    return ExitCodes.Ok;
                }

                return ExitCodes.Unreachable;
            }

            await WatchAsync(io, watcher, json, threshold, totalSteps, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WatchAsync(CliIo io, ClassroomRoomWatcher watcher, bool json, TimeSpan threshold, int? totalSteps, CancellationToken cancellationToken)
    {
        ClassroomRoom? latest = null;
        var lost = false;
        var wake = new SemaphoreSlim(0);
        var reading = Task.Run(async () =>
        {
            await foreach (var room in watcher.ReadAllAsync(cancellationToken))
            {
                if (room is null) lost = true;
                else (latest, lost) = (room, false);
                wake.Release();
            }
        }, cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // A change from the watch, or only time passing (json prints changes only: a script can age rows itself).
                var changed = await wake.WaitAsync(json ? Timeout.InfiniteTimeSpan : Reage, cancellationToken);
                if (lost && changed)
                {
                    io.Error.WriteLine($"tutor: {watcher.LastError ?? "the cluster does not answer"}; waiting for it to come back");
                    continue;
                }

                if (latest is not { } room) continue;
                var report = ClassroomReport.Build(room, DateTimeOffset.UtcNow, threshold);
                if (json)
                {
                    // One compact document per line, so a script reads the stream line by line.
                    io.Out.WriteLine(ClassroomReportText.Json(report, threshold, indented: false));
                }
                else
                {
                    if (io.Interactive) io.Out.Write("\x1b[H\x1b[2J");
                    io.Out.WriteLine(ClassroomReportText.Table(report, totalSteps));
                    if (!io.Interactive) io.Out.WriteLine();
                }

                io.Out.Flush();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
