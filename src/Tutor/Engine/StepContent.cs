namespace Tutor.Engine;

/// <summary>The text and manifest a step shows, read from the catalogue.</summary>
public sealed record StepContent(string Markdown, string? ManifestYaml);
