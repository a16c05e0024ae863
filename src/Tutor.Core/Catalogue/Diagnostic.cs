namespace Tutor.Core.Catalogue;

/// <summary>A problem found in a file, printed as <c>file:line: message</c>.</summary>
public sealed record Diagnostic(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
