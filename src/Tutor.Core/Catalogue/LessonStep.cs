namespace Tutor.Core.Catalogue;

/// <summary>
/// One step of a lesson. <see cref="Section"/> is the heading of the lesson's Markdown that holds the
/// step's text; <see cref="Manifest"/>, <see cref="Solution"/> and <see cref="Checks"/> are files
/// relative to the catalogue root. Manifest and solution are optional (a step may be done with kubectl alone).
/// </summary>
public sealed record LessonStep(
    int Number,
    string Title,
    string Section,
    string? Manifest,
    string? Solution,
    string Checks,
    IReadOnlyList<string> Hints)
{
    /// <summary>Where the step was written in lessons.json (<see cref="SourceLines.None"/> when built in code).</summary>
    public SourceLines Source { get; init; } = SourceLines.None;

    /// <summary>Objects the solution deletes before applying (a manifest can only add or change), e.g. the bare Pod a Deployment replaces.</summary>
    public IReadOnlyList<Checks.ResourceRef> Removes { get; init; } = [];

    /// <summary>
    /// The API server refuses the starter on purpose: reading its error is the step (a request above its limit,
    /// say). <c>tutor test</c> then expects the refusal instead of checks that fail.
    /// </summary>
    public bool StarterRefused { get; init; }

    /// <summary>How long the step's checks may take to pass once its solution is applied; null means <see cref="DefaultTimeoutSeconds"/>.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The budget for steps that name none: enough for Pods to pull and start on a laptop cluster.</summary>
    public const int DefaultTimeoutSeconds = 60;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds ?? DefaultTimeoutSeconds);
}
