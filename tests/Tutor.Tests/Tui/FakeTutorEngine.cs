using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Drift;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>A test double of the engine: a settable state and a log of the actions the UI asked for.</summary>
internal sealed class FakeTutorEngine : ITutorEngine
{
    private TutorState _state;

    public FakeTutorEngine(TutorState state) => _state = state;

    public TutorState State => _state;

    public List<string> Calls { get; } = [];

    public event EventHandler? Changed;

    /// <summary>Replaces the state and raises <see cref="Changed"/>, as the real engine does after a watch event.</summary>
    public void Publish(TutorState state)
    {
        _state = state;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>When set, Apply fails with this message, as a cluster error would.</summary>
    public string? ApplyFailure { get; set; }

    public Task ApplyAsync(CancellationToken cancellationToken = default) =>
        ApplyFailure is null ? Record("apply") : Task.FromException(new InvalidOperationException(ApplyFailure));

    public Task CheckAsync(CancellationToken cancellationToken = default) => Record("check");

    public Task NextStepAsync(CancellationToken cancellationToken = default) => Record("next");

    public Task PreviousStepAsync(CancellationToken cancellationToken = default) => Record("previous");

    public Task SelectLessonAsync(string lessonId, CancellationToken cancellationToken = default) => Record($"select {lessonId}");

    public Task RevealHintAsync(CancellationToken cancellationToken = default)
    {
        Calls.Add("hint");
        var step = _state.Step!;
        var all = SampleState.HintsOf(step);
        var revealed = all.Take(_state.Hints.Revealed.Count + 1).ToList();
        Publish(_state with { Hints = new HintState(revealed, all.Count) });
        return Task.CompletedTask;
    }

    public Task ApplySolutionAsync(CancellationToken cancellationToken = default) => Record("solution");

    public Task ResetLessonAsync(CancellationToken cancellationToken = default) => Record("reset");

    /// <summary>What Diff answers.</summary>
    public IReadOnlyList<ObjectDrift> Drifts { get; set; } = [];

    public Task<IReadOnlyList<ObjectDrift>> DiffAsync(CancellationToken cancellationToken = default)
    {
        Calls.Add("diff");
        return Task.FromResult(Drifts);
    }

    public Task ReloadManifestAsync(CancellationToken cancellationToken = default) => Record("reload");

    private Task Record(string call)
    {
        Calls.Add(call);
        return Task.CompletedTask;
    }
}
