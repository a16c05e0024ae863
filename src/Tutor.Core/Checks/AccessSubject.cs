namespace Tutor.Core.Checks;

/// <summary>
/// Who a <c>canI</c> check asks about: a ServiceAccount of the learner's namespace, or a user by name.
/// A ServiceAccount is resolved when the question is asked, because the same checks file serves every learner.
/// </summary>
public sealed record AccessSubject(AccessSubjectKind Kind, string Name)
{
    private const string ServiceAccountPrefix = "system:serviceaccount:";

    /// <summary>The user name the API server knows the subject by.</summary>
    public string UserName(string learnerNamespace) =>
        Kind == AccessSubjectKind.ServiceAccount ? $"{ServiceAccountPrefix}{learnerNamespace}:{Name}" : Name;

    /// <summary>The groups a request by this subject carries: a ServiceAccount's token brings its two groups, as the API server adds them.</summary>
    public IReadOnlyList<string> Groups(string learnerNamespace) =>
        Kind == AccessSubjectKind.ServiceAccount
            ? ["system:serviceaccounts", $"system:serviceaccounts:{learnerNamespace}", "system:authenticated"]
            : ["system:authenticated"];

    public override string ToString() => Kind == AccessSubjectKind.ServiceAccount ? $"ServiceAccount {Name}" : $"user {Name}";
}
