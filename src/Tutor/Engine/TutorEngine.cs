using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;
using Tutor.Core.Drift;
using Tutor.Core.Progress;
using Tutor.Tui;

namespace Tutor.Engine;

/// <summary>
/// The tutorial behind the screen: which step the learner is on, a watch on the objects that step's lesson
/// checks (re-evaluated on every change, no polling), progress recorded the moment a step passes, and the
/// actions a learner takes. State is rebuilt whole and published through <see cref="Changed"/>. In a classroom
/// (the namespace holds the instructor's ConfigMap) it follows the instructor's pace and publishes the learner's progress.
/// </summary>
public sealed class TutorEngine : ITutorEngine, IAsyncDisposable
{
    private readonly LessonFiles _files;
    private readonly ClusterSession _session;
    private readonly ProgressStore _store;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _actions = new(1, 1);
    private LearnerProgress _progress;
    private Selection? _selection;
    private SnapshotWatcher? _watcher;
    private string? _watchedLesson;
    private ClusterSnapshot? _snapshot;
    // Each object as first seen since the selected step was opened: `changed`/`unchanged` checks compare with it.
    private ClusterSnapshot? _start;
    // While Tutor itself rebuilds a lesson (restore, setup) nothing it does may count as the learner's change.
    private bool _holdStart;
    private IReadOnlyList<Check> _checks = [];
    private IReadOnlyList<CheckVerdict>? _verdicts;
    private StepContent? _content;
    private string? _message;
    private string? _busy;
    private long _passes;
    private string? _passMessage;
    private TutorState _state;
    private ClassroomLink? _classroom;
    private ClassroomPace? _pace;
    private bool _disposed;

    public TutorEngine(LessonFiles files, ClusterSession session, ProgressStore store, LearnerProgress progress, TimeProvider? clock = null, string? firstMessage = null)
    {
        _files = files;
        _session = session;
        _store = store;
        _progress = progress;
        _clock = clock ?? TimeProvider.System;
        _message = firstMessage;
        _state = Build();
    }

    public TutorState State
    {
        get { lock (_gate) return _state; }
    }

    public event EventHandler? Changed;

    public LearnerProgress Progress
    {
        get { lock (_gate) return _progress; }
    }

    // In a classroom the catalogue marks the lessons a learner's namespaced rights cannot run as unavailable.
    private Catalogue? _classroomCatalogue;

    private Catalogue Catalogue => _classroomCatalogue ?? _files.Catalogue;

    /// <summary>How long progress changes are gathered into one write to the classroom's progress ConfigMap.</summary>
    public TimeSpan ClassroomDebounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Completes once Tutor knows whether the learner is in a classroom (and has joined it if so).</summary>
    public Task ClassroomJoined { get; private set; } = Task.CompletedTask;

    /// <summary>The classroom link, or null for a learner on their own.</summary>
    public ClassroomLink? Classroom
    {
        get { lock (_gate) return _classroom; }
    }

    /// <summary>
    /// Opens the learner's current step (lesson 101 step 1 for a new learner) and starts watching. Whether the
    /// namespace belongs to a classroom is found out meanwhile, so a slow cluster does not hold up the first step.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        var position = StartPosition(_progress, Catalogue);
        Select(position.LessonId, position.Step, remember: false);
        ClassroomJoined = JoinClassroomAsync(cancellationToken);
        return Task.CompletedTask;
    }

    private async Task JoinClassroomAsync(CancellationToken cancellationToken)
    {
        ClassroomLink? link;
        try
        {
            link = await ClassroomLink.JoinAsync(_session.Connection, _session.Namespace, ClassroomDebounce, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ClusterException or OperationCanceledException)
        {
            // Unreachable now: the learner works on their own until Tutor starts again.
            return;
        }

        if (link is null) return;
        lock (_gate)
        {
            if (_disposed)
            {
                _ = link.DisposeAsync().AsTask();
                return;
            }

            _classroom = link;
            link.PaceChanged += OnPaceChanged;
            // Read after subscribing, so a change between the two is not lost.
            _pace = link.Pace;
            _classroomCatalogue = ClassroomLessons.ForClassroom(_files.Catalogue);
            if (_selection is { } selected && !Catalogue.IsAvailable(selected.LessonId))
            {
                var position = StartPosition(_progress, Catalogue);
                Select(position.LessonId, position.Step, remember: false);
                return;
            }

            PublishLocked();
        }
    }

    private void OnPaceChanged(ClassroomPace? pace)
    {
        lock (_gate)
        {
            if (pace == _pace) return;
            var before = _pace;
            _pace = pace;
            _message = pace is null ? "The classroom has ended: every lesson is open to you again."
                : pace.UnlockTo is null ? $"The instructor opened every lesson of classroom {pace.Classroom}."
                : before?.UnlockTo is null || pace.Holds(Catalogue, before.UnlockTo) ? $"The instructor paced classroom {pace.Classroom} to lesson {pace.UnlockTo}."
                : $"The instructor opened lessons up to {pace.UnlockTo}.";
            PublishLocked();
        }
    }

    /// <summary>Where a learner resumes: the step they were on if it is still open to them, else their first unfinished one.</summary>
    public static StepPosition StartPosition(LearnerProgress progress, Catalogue catalogue)
    {
        if (progress.CurrentLessonId is { } id && catalogue.Find(id) is { } lesson && UnlockRules.IsStepUnlocked(progress, catalogue, id, progress.CurrentStep))
            return new StepPosition(lesson.Id, Math.Clamp(progress.CurrentStep, 1, lesson.Steps.Count));
        return UnlockRules.CurrentStep(progress, catalogue) ?? new StepPosition(catalogue.Lessons[0].Id, 1);
    }

    /// <summary>What the screen shows before any cluster answers: the step the learner resumes on, marked as connecting.</summary>
    public static TutorState Waiting(LessonFiles files, LearnerProgress progress, ConnectionStatus connection, string busy)
    {
        var position = StartPosition(progress, files.Catalogue);
        var lesson = files.Catalogue.Find(position.LessonId)!;
        var step = lesson.Steps[position.Step - 1];
        try
        {
            var content = Content(files, lesson, step);
            return TutorStateBuilder.Build(files.Catalogue, progress, new Selection(lesson.Id, step.Number), content, files.Checks(step), null, connection, busy: busy);
        }
        catch (LessonFileException e)
        {
            return TutorStateBuilder.Build(files.Catalogue, progress, new Selection(lesson.Id, step.Number), null, [], null, connection, e.Problems[0].ToString(), busy);
        }
    }

    /// <summary>
    /// Re-creates the current lesson's state on an empty cluster: its setup, then the solutions of the steps
    /// already passed. The built-in sandbox forgets everything when Tutor quits; progress does not.
    /// </summary>
    public async Task RestoreCurrentLessonAsync(CancellationToken cancellationToken = default)
    {
        var lessonId = _selection?.LessonId;
        if (lessonId is null || Catalogue.Find(lessonId) is not { } lesson) return;
        var passed = _progress.PassedSteps(lesson.Id);
        if (lesson.Setup.Count == 0 && passed.Count == 0) return;
        await RunAsync("restoring your lesson…", () => StartingOverAsync(lesson, async () =>
        {
            var setup = await _session.Applier.ApplyAsync(_files.Setup(lesson), _session.Namespace, cancellationToken).ConfigureAwait(false);
            if (!setup.Ok) return ApplyWording.Describe(setup, "restored");
            foreach (var step in lesson.Steps.Where(s => passed.Contains(s.Number)))
            {
                var (_, _, error) = await StepSolution.ApplyAsync(_session, _files, step, cancellationToken).ConfigureAwait(false);
                if (error is not null) return error;
            }

            return $"The sandbox started empty: lesson {lesson.Id} was set up again{(passed.Count > 0 ? $" with the {passed.Count} step{(passed.Count == 1 ? "" : "s")} you passed" : "")}.";
        }, cancellationToken)).ConfigureAwait(false);
    }

    public Task ApplyAsync(CancellationToken cancellationToken = default) => ApplyFileAsync(s => s.Manifest, "applying…", "This step has no manifest to apply.", cancellationToken);

    public async Task ApplySolutionAsync(CancellationToken cancellationToken = default)
    {
        var step = CurrentStep();
        if (step is null) return;
        await RunAsync("applying the solution…", async () =>
        {
            var (deleted, applied, error) = await StepSolution.ApplyAsync(_session, _files, step, cancellationToken).ConfigureAwait(false);
            if (error is not null) return error;
            var removedText = deleted.Count > 0 ? $"deleted {string.Join(", ", deleted)}; " : "";
            return removedText + (applied is null ? "nothing to apply" : ApplyWording.Describe(applied));
        }).ConfigureAwait(false);
    }

    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var lesson = CurrentLesson();
        if (lesson is null) return;
        await RunAsync("checking…", async () =>
        {
            var snapshot = await SnapshotReader.ReadAsync(_session.Connection, _files.KindsRead(lesson), _files.AccessQuestions(lesson), _session.Namespace, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _snapshot = snapshot;
                if (!_holdStart) _start = ClusterSnapshot.FirstSeen(_start, snapshot);
                EvaluateLocked();
                if (_verdicts is null) return null;
                var passed = _verdicts.Count(v => v.Passed);
                return passed == _verdicts.Count ? _message : $"{passed} of {_verdicts.Count} checks pass.";
            }
        }).ConfigureAwait(false);
    }

    public Task NextStepAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_selection is null) return Task.CompletedTask;
            if (!_progress.IsPassed(_selection.LessonId, _selection.Step))
            {
                _message = "Finish this step first: its checks must pass.";
                PublishLocked();
                return Task.CompletedTask;
            }

            var after = UnlockRules.After(Catalogue, new StepPosition(_selection.LessonId, _selection.Step));
            if (after is null)
            {
                _message = "That was the last step of the last lesson. Well done!";
                PublishLocked();
                return Task.CompletedTask;
            }

            if (UnlockRules.IsWaiting(Catalogue, after.LessonId, _pace))
            {
                _message = $"Lesson {after.LessonId} is {TutorStateBuilder.WaitingReason(_pace!)}";
                PublishLocked();
                return Task.CompletedTask;
            }

            return EnterAsync(after.LessonId, after.Step, cancellationToken);
        }
    }

    public Task PreviousStepAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_selection is null) return Task.CompletedTask;
            if (_selection.Step > 1)
            {
                Select(_selection.LessonId, _selection.Step - 1, remember: true);
                return Task.CompletedTask;
            }

            var index = Catalogue.Lessons.ToList().FindIndex(l => l.Id == _selection.LessonId);
            if (index <= 0) return Task.CompletedTask;
            var previous = Catalogue.Lessons[index - 1];
            Select(previous.Id, previous.Steps.Count, remember: true);
            return Task.CompletedTask;
        }
    }

    public Task SelectLessonAsync(string lessonId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (Catalogue.Find(lessonId) is not { } lesson) return Task.CompletedTask;
            if (!UnlockRules.IsLessonUnlocked(_progress, Catalogue, lessonId, _pace))
            {
                _message = UnlockRules.IsWaiting(Catalogue, lessonId, _pace)
                    ? $"Lesson {lessonId} is {TutorStateBuilder.WaitingReason(_pace!)}"
                    : _state.ProgressOf(lessonId).LockedReason ?? "This lesson is locked.";
                PublishLocked();
                return Task.CompletedTask;
            }

            var passed = _progress.PassedSteps(lessonId);
            var step = lesson.Steps.FirstOrDefault(s => !passed.Contains(s.Number))?.Number ?? 1;
            return EnterAsync(lessonId, step, cancellationToken);
        }
    }

    public Task RevealHintAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_selection is null || CurrentStep() is not { } step) return Task.CompletedTask;
            if (_selection.HintsRevealed >= step.Hints.Count)
            {
                _message = step.Hints.Count == 0 ? "This step has no hints." : "No more hints: the solution (s) shows the answer.";
            }
            else
            {
                _selection = _selection with { HintsRevealed = _selection.HintsRevealed + 1 };
            }

            PublishLocked();
        }

        return Task.CompletedTask;
    }

    public async Task ResetLessonAsync(CancellationToken cancellationToken = default)
    {
        var lesson = CurrentLesson();
        if (lesson is null) return;
        await RunAsync($"resetting lesson {lesson.Id}…", async () =>
        {
            var result = await _session.Resetter.ResetAsync(_session.Namespace, _files.Setup(lesson), cancellationToken).ConfigureAwait(false);
            if (!result.Ok) return $"Reset stopped: {result.Error ?? ApplyWording.Describe(result.Setup!, "set up")}";
            lock (_gate)
            {
                _progress = _progress.ForgetLesson(lesson.Id, _clock.GetUtcNow());
                // Watch afresh: the old watch may not have seen the deletions yet, and a stale snapshot would pass step 1 again.
                _watchedLesson = null;
                Select(lesson.Id, 1, remember: true);
            }

            return $"Lesson {lesson.Id} reset: {result.Deleted.Count} object{(result.Deleted.Count == 1 ? "" : "s")} deleted, setup applied. Start again from step 1.";
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ObjectDrift>> DiffAsync(CancellationToken cancellationToken = default)
    {
        var step = CurrentStep();
        if (step?.Solution is not { } solution) throw new InvalidOperationException("This step has no solution to compare with.");
        return await DriftReader.CompareAsync(_session.Connection, _session.Namespace, _files.Manifest(solution), cancellationToken).ConfigureAwait(false);
    }

    public Task ReloadManifestAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (CurrentStep() is not { Manifest: { } manifest } step || _content is null) return Task.CompletedTask;
            _files.Forget(manifest);
            try
            {
                ShowManifestAsSaved(manifest);
                _files.Manifest(manifest);
                _message = $"{manifest} read again; press a to apply it.";
            }
            catch (LessonFileException e)
            {
                // What the learner typed does not parse: say where, and apply nothing until it does.
                _message = e.Problems[0].ToString();
            }

            PublishLocked();
        }

        return Task.CompletedTask;
    }

    /// <summary>The step's manifest on screen becomes the file's text as it is now.</summary>
    private void ShowManifestAsSaved(string manifest)
    {
        lock (_gate)
        {
            if (_content is not null) _content = _content with { ManifestYaml = _files.ReadText(manifest) };
        }
    }

    public async ValueTask DisposeAsync()
    {
        SnapshotWatcher? watcher;
        ClassroomLink? classroom;
        lock (_gate)
        {
            _disposed = true;
            watcher = _watcher;
            _watcher = null;
            classroom = _classroom;
            _classroom = null;
        }

        if (watcher is not null) await watcher.DisposeAsync().ConfigureAwait(false);
        if (classroom is not null) await classroom.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Moves to a step; entering a lesson not started yet applies its setup first.</summary>
    private Task EnterAsync(string lessonId, int step, CancellationToken cancellationToken)
    {
        var lesson = Catalogue.Find(lessonId)!;
        var fresh = lessonId != _selection?.LessonId && _progress.PassedSteps(lessonId).Count == 0 && lesson.Setup.Count > 0;
        Select(lessonId, step, remember: true);
        if (!fresh) return Task.CompletedTask;
        return RunAsync($"setting up lesson {lessonId}…", () => StartingOverAsync(lesson, async () =>
        {
            var result = await _session.Applier.ApplyAsync(_files.Setup(lesson), _session.Namespace, cancellationToken).ConfigureAwait(false);
            return result.Ok ? $"Lesson {lessonId} is set up ({ApplyWording.Describe(result)})." : ApplyWording.Describe(result, "set up");
        }, cancellationToken));
    }

    /// <summary>
    /// The state the selected step starts from after a rebuild: once the previous step's checks pass (its objects
    /// replaced what the setup made: deleting a StatefulSet returns before its Pods are gone), or after that step's
    /// budget. Steps that do not compare with their start need no wait.
    /// </summary>
    private async Task<ClusterSnapshot?> SettledAsync(Lesson lesson, CancellationToken cancellationToken)
    {
        SnapshotWatcher? watcher;
        IReadOnlyList<Check> previousChecks;
        LessonStep? previous;
        lock (_gate)
        {
            if (!CheckEvaluator.NeedsStart(_checks) || _selection is null) return null;
            watcher = _watcher;
            previous = _selection.Step > 1 ? lesson.Steps[_selection.Step - 2] : null;
            previousChecks = previous is null ? [] : _files.Checks(previous);
        }

        ClusterSnapshot? last = null;
        if (watcher is not null && previous is not null)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(previous.Timeout);
            try
            {
                await foreach (var snapshot in watcher.ReadAllAsync(deadline.Token).ConfigureAwait(false))
                {
                    if (!snapshot.Reachable) continue;
                    last = snapshot;
                    if (CheckEvaluator.EvaluateAll(previousChecks, snapshot, snapshot).All(v => v.Passed)) break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The previous step did not settle in its budget: start from what is there.
            }
        }

        return last ?? await SnapshotReader.ReadAsync(_session.Connection, _files.KindsRead(lesson), _session.Namespace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs Tutor's own rebuilding of a lesson, then takes the step's start once the rebuilt state has settled: what
    /// the restore changed (a Pod replaced on the way) must not pass a `changed` check the learner has not done.
    /// </summary>
    private async Task<string?> StartingOverAsync(Lesson lesson, Func<Task<string?>> rebuild, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _holdStart = true;
            _start = null;
        }

        try
        {
            var message = await rebuild().ConfigureAwait(false);
            var start = await SettledAsync(lesson, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _start = start is { Reachable: true } ? start : null;
                EvaluateLocked();
            }

            return message;
        }
        finally
        {
            lock (_gate) _holdStart = false;
        }
    }

    private static StepContent Content(LessonFiles files, Lesson lesson, LessonStep step) => new(
        files.StepMarkdown(lesson, step),
        step.Manifest is null ? null : files.ReadText(step.Manifest),
        files.StepCommands(lesson, step).Select(c => c.Text).ToList(),
        ManifestKinds(files, step));

    // Only for the sandbox's NetworkPolicy notice: a manifest that cannot be read names no kinds here and says why on apply.
    private static IReadOnlyList<string> ManifestKinds(LessonFiles files, LessonStep step)
    {
        var kinds = new List<string>();
        foreach (var file in new[] { step.Manifest, step.Solution }.OfType<string>())
        {
            try
            {
                kinds.AddRange(files.Manifest(file).Select(o => o.Kind.Kind));
            }
            catch (LessonFileException)
            {
            }
        }

        return kinds.Distinct().ToList();
    }

    private void Select(string lessonId, int step, bool remember)
    {
        lock (_gate)
        {
            _selection = new Selection(lessonId, step);
            if (remember)
            {
                _progress = _progress.MoveTo(lessonId, step, _clock.GetUtcNow());
                Save();
            }

            var lesson = Catalogue.Find(lessonId)!;
            var s = lesson.Steps[step - 1];
            try
            {
                _checks = _files.Checks(s);
                _content = Content(_files, lesson, s);
            }
            catch (LessonFileException e)
            {
                _checks = [];
                _content = new StepContent($"# {lesson.Title}\n\nThis step cannot be shown:\n\n```\n{e.Message}\n```\n", null);
                _message = e.Problems[0].ToString();
            }

            _verdicts = null;
            if (_watchedLesson != lessonId) Watch(lesson);
            _start = _snapshot is { Reachable: true } && !_holdStart ? _snapshot : null;
            EvaluateLocked();
            PublishLocked();
        }
    }

    private void Watch(Lesson lesson)
    {
        var old = _watcher;
        _watchedLesson = lesson.Id;
        _snapshot = null;
        IReadOnlyList<ResourceKind> kinds;
        IReadOnlyList<AccessQuestion> questions;
        try
        {
            kinds = _files.KindsRead(lesson);
            questions = _files.AccessQuestions(lesson);
        }
        catch (LessonFileException)
        {
            kinds = _checks.SelectMany(c => c.Reads).Distinct().ToList();
            questions = _checks.SelectMany(c => c.Asks).Distinct().ToList();
        }

        var watcher = new SnapshotWatcher(_session.Connection, kinds, _session.Namespace, questions: questions);
        watcher.SnapshotChanged += snapshot => OnSnapshot(watcher, snapshot);
        _watcher = watcher;
        watcher.Start();
        if (old is not null) _ = old.DisposeAsync().AsTask();
    }

    private void OnSnapshot(SnapshotWatcher source, ClusterSnapshot snapshot)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(source, _watcher)) return;
            _snapshot = snapshot;
            if (!_holdStart) _start = ClusterSnapshot.FirstSeen(_start, snapshot);
            EvaluateLocked();
            PublishLocked();
        }
    }

    /// <summary>Evaluates the selected step against the latest snapshot and records a pass.</summary>
    private void EvaluateLocked()
    {
        if (_snapshot is null || _selection is null || _checks.Count == 0) return;
        _verdicts = CheckEvaluator.EvaluateAll(_checks, _snapshot, _start);
        if (!_verdicts.All(v => v.Passed) || _progress.IsPassed(_selection.LessonId, _selection.Step)) return;
        _progress = _progress.MarkPassed(_selection.LessonId, _selection.Step, _clock.GetUtcNow());
        Save();
        var lesson = CurrentLesson()!;
        var after = UnlockRules.After(Catalogue, new StepPosition(lesson.Id, _selection.Step));
        _passes++;
        _message = _passMessage = _selection.Step < lesson.Steps.Count
            ? $"✓ Step {_selection.Step} passed. Press n for step {_selection.Step + 1}."
            : after is null
                ? $"✓ Lesson {lesson.Id} complete, and with it the whole course!"
                : $"✓ Lesson {lesson.Id} complete. Press n for lesson {after.LessonId}.";
    }

    private async Task ApplyFileAsync(Func<LessonStep, string?> file, string busy, string missing, CancellationToken cancellationToken)
    {
        var step = CurrentStep();
        if (step is null) return;
        if (file(step) is not { } path)
        {
            lock (_gate)
            {
                _message = missing;
                PublishLocked();
            }

            return;
        }

        await RunAsync(busy, async () =>
        {
            // The learner may have edited the file in an editor of their own since it was read: apply it as it is now.
            _files.Forget(path);
            if (path == step.Manifest) ShowManifestAsSaved(path);
            var objects = _files.Manifest(path);
            var result = await _session.Applier.ApplyAsync(objects, _session.Namespace, cancellationToken).ConfigureAwait(false);
            return ApplyWording.Describe(result);
        }).ConfigureAwait(false);
    }

    /// <summary>Runs one action at a time with a busy line; its result (or failure) becomes the message.</summary>
    private async Task RunAsync(string busy, Func<Task<string?>> action)
    {
        await _actions.WaitAsync().ConfigureAwait(false);
        try
        {
            long passesBefore;
            lock (_gate)
            {
                _busy = busy;
                passesBefore = _passes;
                PublishLocked();
            }

            string? message;
            try
            {
                message = await action().ConfigureAwait(false);
            }
            catch (LessonFileException e)
            {
                message = e.Problems[0].ToString();
            }
            catch (ClusterException e)
            {
                message = e.Message;
            }

            lock (_gate)
            {
                _busy = null;
                // A step that passed while the action ran is the news; what the action did follows it.
                if (_passes != passesBefore && message is not null) _message = $"{_passMessage}  ({message})";
                else if (message is not null) _message = message;
                PublishLocked();
            }
        }
        finally
        {
            _actions.Release();
        }
    }

    private Lesson? CurrentLesson()
    {
        lock (_gate) return _selection is null ? null : Catalogue.Find(_selection.LessonId);
    }

    private LessonStep? CurrentStep()
    {
        lock (_gate) return CurrentLesson() is { } lesson ? lesson.Steps[_selection!.Step - 1] : null;
    }

    private void Save()
    {
        try
        {
            _store.Save(_session.Context, _progress);
        }
        catch (IOException e)
        {
            _message = $"Progress could not be saved: {e.Message}";
        }
    }

    private void PublishLocked()
    {
        _state = Build();
        OfferClassroomProgressLocked();
        ThreadPool.QueueUserWorkItem(_ => Changed?.Invoke(this, EventArgs.Empty));
    }

    /// <summary>Hands the classroom what the instructor sees; it writes only when that differs from what it last had.</summary>
    private void OfferClassroomProgressLocked()
    {
        if (_classroom is not { } link || _selection is null) return;
        var position = new StepPosition(_selection.LessonId, _selection.Step);
        // Only a verdict on the open step counts; before its first snapshot nothing is known to fail.
        var failing = _verdicts is null || _snapshot is not { Reachable: true } ? null : _checks.Zip(_verdicts).FirstOrDefault(p => !p.Second.Passed).First?.Title;
        var progress = _progress;
        var now = _clock.GetUtcNow();
        link.Publisher.Offer(previous => ClassroomProgressBuilder.Next(previous, link.Learner, progress, position, failing, now));
    }

    private TutorState Build()
    {
        var connection = new ConnectionStatus(_session.Context, _session.Namespace,
            _snapshot is null ? ConnectionState.Connecting : _snapshot.Reachable ? ConnectionState.Connected : ConnectionState.Lost,
            _snapshot is { Reachable: false } ? _watcher?.LastError ?? "the cluster does not answer" : null,
            _session.Simulated, _session.KubectlHint, _session.ShellEnvironment);
        return TutorStateBuilder.Build(Catalogue, _progress, _selection, _content, _checks, _verdicts, connection, _message, _busy, _snapshot, _pace);
    }
}
