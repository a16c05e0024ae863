using Tutor.Core.Checks;

namespace Tutor.Tui;

/// <summary>One check of the selected step with its latest verdict; a null verdict means not evaluated yet.</summary>
public sealed record CheckResult(string Title, CheckVerdict? Verdict);
