using Tutor.Core.Catalogue;
using Tutor.Core.Checks;

namespace Tutor.Cli;

/// <summary>One step's checks with their verdicts, as <c>tutor check</c> reports them.</summary>
public sealed record StepVerdicts(LessonStep Step, IReadOnlyList<Check> Checks, IReadOnlyList<CheckVerdict> Verdicts)
{
    public bool Passed => Verdicts.All(v => v.Passed);
}
