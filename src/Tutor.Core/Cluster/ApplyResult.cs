using Tutor.Core.Catalogue;

namespace Tutor.Core.Cluster;

/// <summary>What an apply did: one outcome per applied object, and the errors (file:line: message) that stopped it.</summary>
public sealed record ApplyResult(IReadOnlyList<ApplyOutcome> Applied, IReadOnlyList<Diagnostic> Errors)
{
    public bool Ok => Errors.Count == 0;

    public static ApplyResult Failed(params Diagnostic[] errors) => new([], errors);
}
