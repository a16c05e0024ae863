namespace Tutor.Tui;

/// <summary>The selected step of the selected lesson.</summary>
/// <param name="LessonId">Id of the lesson ("120").</param>
/// <param name="Number">1-based step number.</param>
/// <param name="Count">Number of steps in the lesson.</param>
/// <param name="Title">The step's title.</param>
/// <param name="Markdown">The text to show: the lesson's introduction for step 1, then the step's section.</param>
/// <param name="ManifestPath">The manifest's path relative to the catalogue root, or null when the step has none.</param>
/// <param name="ManifestYaml">The manifest's text, or null when the step has none.</param>
/// <param name="Done">All checks of this step have passed at least once.</param>
/// <param name="NextUnlocked">Whether "next" may move on (this step is done, or it was done before).</param>
/// <param name="HasSolution">Whether the step has a solution: a manifest to apply, objects to remove, or both.</param>
/// <param name="Commands">The shell commands the step's text shows, in order, for the run/copy picker.</param>
/// <param name="UsesNetworkPolicy">The step's checks or manifests involve NetworkPolicy (the sandbox stores it but does not enforce it).</param>
public sealed record StepState(
    string LessonId,
    int Number,
    int Count,
    string Title,
    string Markdown,
    string? ManifestPath,
    string? ManifestYaml,
    bool Done,
    bool NextUnlocked,
    bool HasSolution = true,
    IReadOnlyList<string>? Commands = null,
    bool UsesNetworkPolicy = false);
