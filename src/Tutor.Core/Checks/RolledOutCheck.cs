namespace Tutor.Core.Checks;

/// <summary>A Deployment, StatefulSet or DaemonSet has seen its latest spec and every replica is updated and ready.</summary>
public sealed record RolledOutCheck(string Title, string? Hint, int Line, ResourceRef Resource) : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => [Resource.Kind, .. WellKnownKinds.PodDiagnosisReads];
}
