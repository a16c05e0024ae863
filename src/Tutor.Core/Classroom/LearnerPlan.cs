namespace Tutor.Core.Classroom;

/// <summary>What provision does for one learner: objects to apply, and why a new token is needed (null: the kubeconfig stands).</summary>
public sealed record LearnerPlan(string Learner, string Namespace, IReadOnlyList<ObjectChange> Changes, string? TokenReason)
{
    public bool UpToDate => Changes.Count == 0 && TokenReason is null;

    public bool IsNew => Changes.Count > 0 && Changes[0].Creates && Changes[0].Object.Namespace is null;
}
