namespace Tutor.Engine;

/// <summary>The text and manifest a step shows, read from the catalogue.</summary>
/// <param name="Commands">The shell commands the text shows.</param>
/// <param name="Kinds">The kinds the step's manifest and solution name (for the sandbox's NetworkPolicy notice).</param>
public sealed record StepContent(string Markdown, string? ManifestYaml, IReadOnlyList<string>? Commands = null, IReadOnlyList<string>? Kinds = null);
