namespace Tutor.Core.Doctor;

/// <summary>How one thing doctor looks at stands.</summary>
public enum FindingStatus { Ok, Missing, Unknown }

/// <summary>One line of the doctor's report: what was looked at, how it stands, and how to fix it when it is missing.</summary>
public sealed record DoctorFinding(string Name, FindingStatus Status, string Detail, string? Fix = null);
