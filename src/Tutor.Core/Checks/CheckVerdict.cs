namespace Tutor.Core.Checks;

/// <summary>The outcome of one check: pass or fail, the reason in plain words, and when it fails a likely cause.</summary>
public sealed record CheckVerdict(bool Passed, string Message, string? Diagnosis = null)
{
    public static CheckVerdict Pass(string message) => new(true, message);
    public static CheckVerdict Fail(string message, string? diagnosis = null) => new(false, message, diagnosis);
}
