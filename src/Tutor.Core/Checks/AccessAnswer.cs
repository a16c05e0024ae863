namespace Tutor.Core.Checks;

/// <summary>
/// The authorizer's answer to an <see cref="AccessQuestion"/>: allowed or not, with the server's reason
/// ("RBAC: allowed by RoleBinding …"). <see cref="Error"/> is set when the question could not be asked at all
/// (the learner may not create SubjectAccessReviews, say); the answer then proves nothing either way.
/// </summary>
public sealed record AccessAnswer(bool Allowed, string Reason, string? Error = null)
{
    public static AccessAnswer Failed(string error) => new(false, "", error);
}
