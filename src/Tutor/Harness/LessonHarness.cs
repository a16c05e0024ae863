using System.Diagnostics;
using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using Tutor.Core.Manifests;
using Tutor.Engine;

namespace Tutor.Harness;

/// <summary>
/// The author's proof that a lesson works: reset makes every step fail, the solutions make each step pass in
/// its time budget, every broken starter fails with a reason, and a reset leaves nothing behind. Runs one
/// lesson at a time in one namespace, which it deletes before each lesson and after the last.
/// </summary>
public sealed class LessonHarness(ClusterSession session, LessonFiles files)
{
    /// <summary>How long a starter is watched for its checks to (wrongly) pass, at most the step's own budget.</summary>
    public TimeSpan StarterSettle { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<LessonRun> RunAsync(Lesson lesson, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rows = new List<HarnessRow>();
        try
        {
            // Read every file first, so a broken one is reported before anything is applied.
            files.Setup(lesson);
            foreach (var step in lesson.Steps)
            {
                files.Checks(step);
                if (step.Manifest is not null) files.Manifest(step.Manifest);
                if (step.Solution is not null) files.Manifest(step.Solution);
            }

            if (await FreshAsync(lesson, rows, cancellationToken).ConfigureAwait(false))
            {
                await ResetPhaseAsync(lesson, rows, cancellationToken).ConfigureAwait(false);
                var solved = await SolvePhaseAsync(lesson, rows, cancellationToken).ConfigureAwait(false);
                await StarterPhaseAsync(lesson, rows, cancellationToken).ConfigureAwait(false);
                if (solved) await CleanPhaseAsync(lesson, rows, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (LessonFileException e)
        {
            rows.Add(new HarnessRow(HarnessPhase.Reset, null, "lesson files", false, string.Join("; ", e.Problems), 0));
        }
        catch (ClusterException e)
        {
            rows.Add(new HarnessRow(HarnessPhase.Reset, null, "cluster", false, e.Message, 0));
        }
        finally
        {
            await session.Resetter.ResetAllAsync(session.Namespace, CancellationToken.None).ConfigureAwait(false);
        }

        return new LessonRun(lesson, rows, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Deletes the whole namespace, then applies the setup (if any). A lesson without setup starts with no
    /// namespace at all, as on a new cluster: lesson 101's first check is that the learner creates it.
    /// </summary>
    private async Task<bool> FreshAsync(Lesson lesson, List<HarnessRow> rows, CancellationToken cancellationToken, string phase = HarnessPhase.Reset, int? step = null)
    {
        var clock = Stopwatch.StartNew();
        var gone = await session.Resetter.ResetAllAsync(session.Namespace, cancellationToken).ConfigureAwait(false);
        if (!gone.Ok)
        {
            rows.Add(new HarnessRow(phase, step, "reset", false, gone.Error ?? "the namespace could not be deleted", clock.Elapsed.TotalSeconds));
            return false;
        }

        var setup = files.Setup(lesson);
        if (setup.Count == 0) return true;
        var applied = await session.Applier.ApplyAsync(setup, session.Namespace, cancellationToken).ConfigureAwait(false);
        if (applied.Ok) return true;
        rows.Add(new HarnessRow(phase, step, "setup", false, ApplyWording.Describe(applied), clock.Elapsed.TotalSeconds));
        return false;
    }

    private async Task ResetPhaseAsync(Lesson lesson, List<HarnessRow> rows, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = await SnapshotReader.ReadAsync(session.Connection, files.KindsRead(lesson), files.AccessQuestions(lesson), session.Namespace, cancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var step in lesson.Steps)
        {
            var checks = files.Checks(step);
            // On the reset state every step starts there, so that state is also each step's start.
            var verdicts = CheckEvaluator.EvaluateAll(checks, snapshot, snapshot);
            var allPass = verdicts.All(v => v.Passed);
            for (var i = 0; i < checks.Count; i++)
            {
                var verdict = verdicts[i];
                // A check may hold on the reset state (a Pod that must stay absent) as long as its step still fails;
                // a step whose checks all hold there proves nothing and would unlock without any work.
                rows.Add(verdict.Passed
                    ? new HarnessRow(HarnessPhase.Reset, step.Number, checks[i].Title, !allPass,
                        allPass ? "VACUOUS: passes on the reset state, as does every check of its step" : "passes on the reset state (its step still fails)", seconds)
                    : new HarnessRow(HarnessPhase.Reset, step.Number, checks[i].Title, true, $"fails as it should: {verdict.Message}", seconds));
            }
        }
    }

    private async Task<bool> SolvePhaseAsync(Lesson lesson, List<HarnessRow> rows, CancellationToken cancellationToken)
    {
        if (!await FreshAsync(lesson, rows, cancellationToken, HarnessPhase.Solve).ConfigureAwait(false)) return false;
        var solved = true;
        foreach (var step in lesson.Steps)
        {
            var stepRows = await SolveStepAsync(lesson, step, cancellationToken).ConfigureAwait(false);
            rows.AddRange(stepRows);
            if (stepRows.Any(r => !r.Passed))
            {
                // Later steps build on this one; their failures would only repeat it.
                solved = false;
                break;
            }
        }

        return solved;
    }

    /// <summary>Applies a step's solution (with its removes) and watches until its checks pass or its budget runs out.</summary>
    private async Task<IReadOnlyList<HarnessRow>> SolveStepAsync(Lesson lesson, LessonStep step, CancellationToken cancellationToken, string phase = HarnessPhase.Solve)
    {
        var clock = Stopwatch.StartNew();
        var checks = files.Checks(step);
        // The step starts where the previous one left off, as when a learner opens it: that is what `changed` compares with.
        var start = CheckEvaluator.NeedsStart(checks)
            ? await SnapshotReader.ReadAsync(session.Connection, files.KindsRead(lesson), session.Namespace, cancellationToken).ConfigureAwait(false)
            : null;
        var (_, _, error) = await StepSolution.ApplyAsync(session, files, step, cancellationToken).ConfigureAwait(false);
        if (error is not null) return [new HarnessRow(phase, step.Number, "apply the solution", false, error, clock.Elapsed.TotalSeconds)];

        var watched = await WatchAsync(lesson, checks, step.Timeout, clock, stopWhenAllPass: true, cancellationToken, start).ConfigureAwait(false);
        var budget = $"{step.Timeout.TotalSeconds:0} s";
        return checks.Select((check, i) => watched.AllPassed is not null
            ? new HarnessRow(phase, step.Number, check.Title, true, "passes", watched.FirstPassed[i] ?? watched.AllPassed.Value)
            : watched.Last[i].Passed ? new HarnessRow(phase, step.Number, check.Title, true, "passes (its step does not)", clock.Elapsed.TotalSeconds)
            : new HarnessRow(phase, step.Number, check.Title, false, $"did not pass within {budget}: {watched.Last[i].Message}{Why(watched.Last[i])}", clock.Elapsed.TotalSeconds)).ToList();
    }

    private async Task StarterPhaseAsync(Lesson lesson, List<HarnessRow> rows, CancellationToken cancellationToken)
    {
        foreach (var step in lesson.Steps)
        {
            if (step.Manifest is null || step.Solution is null || !IsBroken(step)) continue;
            if (!await FreshAsync(lesson, rows, cancellationToken, HarnessPhase.Starter, step.Number).ConfigureAwait(false)) return;
            foreach (var before in lesson.Steps.TakeWhile(s => s.Number < step.Number))
            {
                var beforeRows = await SolveStepAsync(lesson, before, cancellationToken, HarnessPhase.Starter).ConfigureAwait(false);
                if (beforeRows.Any(r => !r.Passed))
                {
                    rows.AddRange(beforeRows.Where(r => !r.Passed));
                    return;
                }
            }

            rows.AddRange(await TryStarterAsync(lesson, step, files.Manifest(step.Manifest), cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Applies the starter as the learner's <c>a</c> does and watches it for <see cref="StarterSettle"/> (at most the
    /// step's budget). It is rightly broken when its checks never all pass in that time and, at the end, every
    /// check that fails says why; or, for a step whose starter is meant to be refused, when the API server refuses it.
    /// </summary>
    private async Task<IReadOnlyList<HarnessRow>> TryStarterAsync(Lesson lesson, LessonStep step, IReadOnlyList<ManifestObject> starter, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var start = CheckEvaluator.NeedsStart(files.Checks(step))
            ? await SnapshotReader.ReadAsync(session.Connection, files.KindsRead(lesson), session.Namespace, cancellationToken).ConfigureAwait(false)
            : null;
        var applied = await session.Applier.ApplyAsync(starter, session.Namespace, cancellationToken).ConfigureAwait(false);
        if (step.StarterRefused)
        {
            return [applied.Ok
                ? new HarnessRow(HarnessPhase.Starter, step.Number, "the API server refuses the starter", false,
                    $"{step.Manifest} was accepted, but the step says (starterRefused) that the API server refuses it", clock.Elapsed.TotalSeconds)
                : new HarnessRow(HarnessPhase.Starter, step.Number, "the API server refuses the starter", true, $"refused: {ApplyWording.Describe(applied)}", clock.Elapsed.TotalSeconds)];
        }

        if (!applied.Ok)
        {
            // A starter the API server refuses is broken for the learner in a way the checks never see.
            return [new HarnessRow(HarnessPhase.Starter, step.Number, "apply the starter", false, ApplyWording.Describe(applied), clock.Elapsed.TotalSeconds)];
        }

        var checks = files.Checks(step);
        var settle = StarterSettle < step.Timeout ? StarterSettle : step.Timeout;
        var watched = await WatchAsync(lesson, checks, settle, clock, stopWhenAllPass: true, cancellationToken, start).ConfigureAwait(false);
        if (watched.AllPassed is { } at)
        {
            return [new HarnessRow(HarnessPhase.Starter, step.Number, "the starter is broken", false,
                $"every check of step {step.Number} passes with the starter {step.Manifest}: it differs from the solution but is not wrong", at)];
        }

        return checks.Select((check, i) => watched.Last[i] switch
        {
            { Passed: true } => new HarnessRow(HarnessPhase.Starter, step.Number, check.Title, true, "passes with the starter", clock.Elapsed.TotalSeconds),
            { Message: var m } when string.IsNullOrWhiteSpace(m) => new HarnessRow(HarnessPhase.Starter, step.Number, check.Title, false, "fails without saying why", clock.Elapsed.TotalSeconds),
            var v => new HarnessRow(HarnessPhase.Starter, step.Number, check.Title, true, $"fails: {v.Message}{Why(v)}", clock.Elapsed.TotalSeconds),
        }).ToList();
    }

    private async Task CleanPhaseAsync(Lesson lesson, List<HarnessRow> rows, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var setup = files.Setup(lesson);
        var reset = await session.Resetter.ResetAsync(session.Namespace, setup, cancellationToken).ConfigureAwait(false);
        if (!reset.Ok)
        {
            rows.Add(new HarnessRow(HarnessPhase.Clean, null, "reset", false, reset.Error ?? string.Join("; ", reset.Setup?.Errors ?? []), clock.Elapsed.TotalSeconds));
            return;
        }

        var expected = setup.Select(o => (o.Kind, o.Name)).Concat(setup.SelectMany(ClaimsOf)).ToHashSet();
        var left = new List<string>();
        foreach (var kind in LessonKinds.ResetOrder)
        {
            if (await session.Connection.Resources.TryResolveAsync(kind, cancellationToken).ConfigureAwait(false) is not { Namespaced: true } resource) continue;
            var list = await ListWatchClient.ListAsync(session.Connection, resource, session.Namespace, cancellationToken).ConfigureAwait(false);
            left.AddRange(LeftBehind(kind, list.Items, expected).Select(resource.Reference));
        }

        rows.Add(left.Count == 0
            ? new HarnessRow(HarnessPhase.Clean, null, "reset leaves only the setup", true, "nothing left behind", clock.Elapsed.TotalSeconds)
            : new HarnessRow(HarnessPhase.Clean, null, "reset leaves only the setup", false, $"left behind: {string.Join(", ", left)}", clock.Elapsed.TotalSeconds));
    }

    /// <summary>
    /// Names of objects a reset should have removed: not in the setup, not made by Kubernetes itself, and not owned
    /// by another object (a setup Deployment's ReplicaSets and Pods belong to the setup).
    /// </summary>
    public static IEnumerable<string> LeftBehind(ResourceKind kind, IEnumerable<System.Text.Json.Nodes.JsonObject> items, IReadOnlySet<(ResourceKind, string)> setup) =>
        items.Where(item => !LessonKinds.IsManagedByCluster(kind, item))
            .Where(item => item["metadata"]?["ownerReferences"] is not System.Text.Json.Nodes.JsonArray { Count: > 0 })
            .Select(item => item["metadata"]?["name"]?.GetValue<string>() ?? "?")
            .Where(name => !setup.Contains((kind, name)));

    private static readonly ResourceKind StatefulSetKind = new("apps/v1", "StatefulSet");
    private static readonly ResourceKind ClaimKind = new("v1", "PersistentVolumeClaim");

    /// <summary>
    /// The claims a setup StatefulSet makes from its volumeClaimTemplates. No one owns them (they outlive the set by
    /// design), yet they are part of the state the setup builds.
    /// </summary>
    public static IEnumerable<(ResourceKind, string)> ClaimsOf(ManifestObject setupObject)
    {
        if (setupObject.Kind != StatefulSetKind || setupObject.Body["spec"] is not System.Text.Json.Nodes.JsonObject spec) yield break;
        var replicas = int.TryParse(spec["replicas"]?.ToString(), out var count) ? count : 1;
        foreach (var template in (spec["volumeClaimTemplates"] as System.Text.Json.Nodes.JsonArray)?.OfType<System.Text.Json.Nodes.JsonObject>() ?? [])
        {
            var name = template["metadata"]?["name"]?.GetValue<string>();
            if (name is null) continue;
            for (var i = 0; i < replicas; i++) yield return (ClaimKind, $"{name}-{setupObject.Name}-{i}");
        }
    }

    /// <summary>A starter is deliberately broken when its text differs from the solution's (line endings aside).</summary>
    private bool IsBroken(LessonStep step) =>
        Normalise(files.ReadText(step.Manifest!)) != Normalise(files.ReadText(step.Solution!));

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Trim();

    private static string Why(CheckVerdict verdict) => verdict.Diagnosis is { } why ? $" (why: {why})" : "";

    private sealed record Watched(IReadOnlyList<CheckVerdict> Last, IReadOnlyList<double?> FirstPassed, double? AllPassed);

    /// <summary>Watches the lesson's kinds (no polling) until every check passes at once or <paramref name="budget"/> runs out.</summary>
    private async Task<Watched> WatchAsync(Lesson lesson, IReadOnlyList<Check> checks, TimeSpan budget, Stopwatch clock, bool stopWhenAllPass, CancellationToken cancellationToken,
        ClusterSnapshot? start = null)
    {
        var firstPassed = new double?[checks.Count];
        IReadOnlyList<CheckVerdict> last = checks.Select(_ => CheckVerdict.Fail("no snapshot of the cluster arrived")).ToList();
        double? allPassed = null;
        await using var watcher = new SnapshotWatcher(session.Connection, files.KindsRead(lesson), session.Namespace, questions: files.AccessQuestions(lesson));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget - clock.Elapsed > TimeSpan.Zero ? budget - clock.Elapsed : TimeSpan.Zero);
        try
        {
            await foreach (var snapshot in watcher.ReadAllAsync(deadline.Token).ConfigureAwait(false))
            {
                if (start is not null) start = ClusterSnapshot.FirstSeen(start, snapshot);
                last = CheckEvaluator.EvaluateAll(checks, snapshot, start);
                for (var i = 0; i < checks.Count; i++)
                    if (last[i].Passed) firstPassed[i] ??= clock.Elapsed.TotalSeconds;
                if (last.All(v => v.Passed))
                {
                    allPassed = clock.Elapsed.TotalSeconds;
                    if (stopWhenAllPass) break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The budget is spent: what the last snapshot showed is the answer.
        }

        return new Watched(last, firstPassed, allPassed);
    }
}
