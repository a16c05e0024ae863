using System.CommandLine;
using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using Tutor.Engine;

namespace Tutor.Cli;

/// <summary><c>tutor check ID [--step N] [--wait SECONDS] [--output json]</c>: 0 when every check passes, 1 when one fails, 3 when the cluster is out of reach.</summary>
public static class CheckCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var id = new Argument<string>("ID") { Description = "The lesson, e.g. 120" };
        var step = new Option<int?>("--step") { Description = "Only this step's checks" };
        var wait = new Option<int?>("--wait") { Description = "Keep watching up to SECONDS until every check passes" };
        var output = OutputOption.Create();
        var command = new Command("check", "Run a lesson's checks against the cluster") { id, step, wait, output };
        command.SetAction((parse, cancellationToken) => new VerbContext(io, global, parse).WithLessonAsync(parse.GetValue(id)!, async (files, lesson, session) =>
        {
            var steps = StepOption.Select(lesson, parse.GetValue(step), io);
            if (steps is null) return ExitCodes.BadInput;
            var checks = steps.Select(s => (Step: s, Checks: files.Checks(s))).ToList();
            var all = checks.SelectMany(c => c.Checks).ToList();
            var kinds = all.SelectMany(c => c.Reads).Distinct().ToList();
            var questions = all.SelectMany(c => c.Asks).Distinct().ToList();
            var (snapshot, start) = parse.GetValue(wait) is { } seconds
                ? await WaitAsync(session, kinds, questions, all, TimeSpan.FromSeconds(seconds), cancellationToken)
                : (await SnapshotReader.ReadAsync(session.Connection, kinds, questions, session.Namespace, cancellationToken), null);
            if (!snapshot.Reachable)
            {
                io.Error.WriteLine($"tutor: cannot reach the cluster at {session.Server}");
                return ExitCodes.Unreachable;
            }

            var results = checks.Select(c => new StepVerdicts(c.Step, c.Checks, CheckEvaluator.EvaluateAll(c.Checks, snapshot, start))).ToList();
            Record(new VerbContext(io, global, parse), session, lesson, results);
            io.Out.WriteLine(OutputOption.IsJson(parse, output) ? CheckReport.Json(lesson, results) : CheckReport.Text(lesson, results, io.Colour));
            return results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Watches until every check passes or the time is up; returns the last snapshot seen and every object as first
    /// seen, which stands for the step's start (a check without --wait has none, so `changed`/`unchanged` fail and say so).
    /// </summary>
    private static async Task<(ClusterSnapshot Last, ClusterSnapshot? Start)> WaitAsync(ClusterSession session, IReadOnlyList<ResourceKind> kinds, IReadOnlyList<AccessQuestion> questions,
        IReadOnlyList<Check> checks, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var watcher = new SnapshotWatcher(session.Connection, kinds, session.Namespace, questions: questions);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        ClusterSnapshot? last = null, start = null;
        try
        {
            await foreach (var snapshot in watcher.ReadAllAsync(deadline.Token))
            {
                last = snapshot;
                start = ClusterSnapshot.FirstSeen(start, snapshot);
                if (snapshot.Reachable && CheckEvaluator.EvaluateAll(checks, snapshot, start).All(v => v.Passed)) break;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Time is up: report what the last snapshot shows.
        }

        return (last ?? await SnapshotReader.ReadAsync(session.Connection, kinds, questions, session.Namespace, cancellationToken), start);
    }

    /// <summary>Steps whose checks all pass count as done, as in the app.</summary>
    private static void Record(VerbContext context, ClusterSession session, Lesson lesson, IReadOnlyList<StepVerdicts> results)
    {
        var passed = results.Where(r => r.Passed).Select(r => r.Step.Number).ToList();
        if (passed.Count == 0) return;
        var progress = context.LoadProgress(session.Context);
        var updated = passed.Aggregate(progress, (p, n) => p.IsPassed(lesson.Id, n) ? p : p.MarkPassed(lesson.Id, n, DateTimeOffset.UtcNow));
        if (!ReferenceEquals(updated, progress)) context.Progress().Save(session.Context, updated);
    }
}
