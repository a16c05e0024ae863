using Tutor.Core.Drift;
using Tutor.Tui;

namespace Tutor.Engine;

/// <summary>
/// Stands in for the engine while the cluster connection (or the sandbox) is still starting, so the first
/// screen does not wait for it: it shows the learner's step at once, marked as connecting, then hands every
/// state and action over to the real engine. A start that fails shows why instead of the checks.
/// </summary>
public sealed class PendingEngine : ITutorEngine
{
    private readonly Task<TutorEngine> _starting;
    private TutorState _state;
    private TutorEngine? _engine;

    public PendingEngine(TutorState waiting, Task<TutorEngine> starting)
    {
        _state = waiting;
        _starting = starting;
        _ = starting.ContinueWith(Started, TaskScheduler.Default);
    }

    public TutorState State => _engine?.State ?? Volatile.Read(ref _state);

    public event EventHandler? Changed;

    public Task ApplyAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.ApplyAsync(cancellationToken));

    public Task CheckAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.CheckAsync(cancellationToken));

    public Task NextStepAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.NextStepAsync(cancellationToken));

    public Task PreviousStepAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.PreviousStepAsync(cancellationToken));

    public Task SelectLessonAsync(string lessonId, CancellationToken cancellationToken = default) => ForwardAsync(e => e.SelectLessonAsync(lessonId, cancellationToken));

    public Task RevealHintAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.RevealHintAsync(cancellationToken));

    public Task ApplySolutionAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.ApplySolutionAsync(cancellationToken));

    public Task ResetLessonAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.ResetLessonAsync(cancellationToken));

    public async Task<IReadOnlyList<ObjectDrift>> DiffAsync(CancellationToken cancellationToken = default) =>
        await (await _starting.ConfigureAwait(false)).DiffAsync(cancellationToken).ConfigureAwait(false);

    public Task ReloadManifestAsync(CancellationToken cancellationToken = default) => ForwardAsync(e => e.ReloadManifestAsync(cancellationToken));

    /// <summary>Waits for the start; a key pressed meanwhile acts once the engine is there.</summary>
    private async Task ForwardAsync(Func<TutorEngine, Task> action)
    {
        TutorEngine engine;
        try
        {
            engine = await _starting.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // The failure is on screen already.
        }

        await action(engine).ConfigureAwait(false);
    }

    private void Started(Task<TutorEngine> start)
    {
        if (start.IsCompletedSuccessfully)
        {
            var engine = start.Result;
            engine.Changed += (_, e) => Changed?.Invoke(this, e);
            _engine = engine;
        }
        else
        {
            var reason = start.Exception?.GetBaseException().Message ?? "the start was cancelled";
            Volatile.Write(ref _state, _state with
            {
                Busy = null,
                Message = $"Tutor could not start: {reason}",
                Connection = _state.Connection with { State = ConnectionState.Lost, Reason = reason },
            });
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }
}
