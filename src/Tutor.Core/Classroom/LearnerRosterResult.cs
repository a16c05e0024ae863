using Tutor.Core.Catalogue;

namespace Tutor.Core.Classroom;

/// <summary>The learners read from a file, or the lines that could not be read (then none is used).</summary>
public sealed record LearnerRosterResult(IReadOnlyList<string> Learners, IReadOnlyList<Diagnostic> Errors)
{
    public bool Ok => Errors.Count == 0;
}
