namespace Tutor.Core.Cluster;

/// <summary>The labels that mark what Tutor created; reset only ever deletes inside namespaces carrying both.</summary>
public static class TutorLabels
{
    public const string Learner = "tutor.dev/learner";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "tutor";
    public const string FieldManager = "tutor";
}
