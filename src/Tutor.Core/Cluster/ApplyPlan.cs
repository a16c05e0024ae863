using Tutor.Core.Catalogue;

namespace Tutor.Core.Cluster;

/// <summary>The objects to apply in order (namespaces first), or the reasons none may be applied.</summary>
public sealed record ApplyPlan(IReadOnlyList<PlannedObject> Objects, IReadOnlyList<Diagnostic> Errors, bool CreatesLearnerNamespace)
{
    public bool Ok => Errors.Count == 0;
}
