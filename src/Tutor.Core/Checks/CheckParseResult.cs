using Tutor.Core.Catalogue;

namespace Tutor.Core.Checks;

public sealed record CheckParseResult(IReadOnlyList<Check> Checks, IReadOnlyList<Diagnostic> Errors)
{
    public bool Ok => Errors.Count == 0;
}
