namespace Tutor.Core.Checks;

/// <summary>
/// The API server's authorizer, asked through a SubjectAccessReview, answers <see cref="Question"/> with
/// <see cref="Expect"/>. It reads the namespace's Roles and RoleBindings: the answer is asked again whenever they
/// change, and they explain a denial.
/// </summary>
public sealed record CanICheck(string Title, string? Hint, int Line, AccessQuestion Question, bool Expect) : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => [WellKnownKinds.Role, WellKnownKinds.RoleBinding];

    public override IEnumerable<AccessQuestion> Asks => [Question];
}
