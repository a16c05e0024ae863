using Tutor.Core.Drift;

namespace Tutor.Tui;

/// <summary>
/// What the full-screen app needs from the tutorial engine: one immutable <see cref="State"/>, the actions a
/// learner can take, and a <see cref="Changed"/> notification. The screen never reads the cluster or the
/// catalogue files itself, so the engine can be replaced by a test double in UI tests.
/// </summary>
/// <remarks>
/// <see cref="Changed"/> may be raised from any thread (watch callbacks, timers); the UI marshals to its own
/// thread. Actions are asynchronous because most of them talk to the cluster; an action that fails should
/// report through <see cref="TutorState.Message"/> rather than throw, but the UI also shows exceptions.
/// </remarks>
public interface ITutorEngine
{
    /// <summary>The current state; a new instance after every change.</summary>
    TutorState State { get; }

    /// <summary>Raised (from any thread) after <see cref="State"/> has been replaced.</summary>
    event EventHandler? Changed;

    /// <summary>Applies the selected step's manifest (server-side apply).</summary>
    Task ApplyAsync(CancellationToken cancellationToken = default);

    /// <summary>Evaluates the selected step's checks now instead of waiting for the next watch event.</summary>
    Task CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves to the next step (or the next lesson after the last step) when it is unlocked.</summary>
    Task NextStepAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves to the previous step (or the last step of the previous lesson).</summary>
    Task PreviousStepAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a lesson at its first unfinished step; a locked lesson leaves the selection unchanged.</summary>
    Task SelectLessonAsync(string lessonId, CancellationToken cancellationToken = default);

    /// <summary>Reveals the next hint of the selected step, if any is left.</summary>
    Task RevealHintAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies the selected step's solution (the UI asks for confirmation first).</summary>
    Task ApplySolutionAsync(CancellationToken cancellationToken = default);

    /// <summary>Resets the selected lesson to its setup state (the UI asks for confirmation first).</summary>
    Task ResetLessonAsync(CancellationToken cancellationToken = default);

    /// <summary>Compares the learner's live objects with the selected step's solution (one entry per object of the solution).</summary>
    Task<IReadOnlyList<ObjectDrift>> DiffAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the selected step's manifest from disk again, after the learner edited it.</summary>
    Task ReloadManifestAsync(CancellationToken cancellationToken = default);
}
