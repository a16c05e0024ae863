namespace Tutor.Harness;

/// <summary>One line of the harness table: in which phase, for which step and check, what happened and how long it took.</summary>
public sealed record HarnessRow(string Phase, int? Step, string Check, bool Passed, string Result, double Seconds);
