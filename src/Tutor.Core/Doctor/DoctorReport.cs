namespace Tutor.Core.Doctor;

/// <summary>The doctor's judgement: the kind of cluster, each finding, and which lessons it can run.</summary>
public sealed record DoctorReport(ClusterKind Kind, IReadOnlyList<DoctorFinding> Findings, IReadOnlyList<LessonReadiness> Lessons)
{
    /// <summary>The cluster answers and kubectl is there: everything else only limits which lessons run.</summary>
    public bool Healthy => Findings.Where(f => f.Name is DoctorAdvisor.KubectlFinding or DoctorAdvisor.ClusterFinding).All(f => f.Status == FindingStatus.Ok);
}
