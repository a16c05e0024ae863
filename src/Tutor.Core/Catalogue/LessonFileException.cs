namespace Tutor.Core.Catalogue;

/// <summary>A lesson file that cannot be used, with every problem found in it.</summary>
public sealed class LessonFileException(IReadOnlyList<Diagnostic> problems)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
{
    public IReadOnlyList<Diagnostic> Problems { get; } = problems;
}
