namespace Tutor.Core.Progress;

/// <summary>Loaded progress, and a warning to show when the stored file had to be set aside.</summary>
public sealed record ProgressLoadResult(LearnerProgress Progress, string? Warning);
