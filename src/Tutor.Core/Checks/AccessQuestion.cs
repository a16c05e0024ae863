namespace Tutor.Core.Checks;

/// <summary>
/// One question for the API server's authorizer: may <see cref="Subject"/> do <see cref="Verb"/> on a resource,
/// optionally one object of it by name. <see cref="Namespace"/> null means the learner's namespace; it is resolved
/// when the question is asked, so the same question serves every learner.
/// </summary>
public sealed record AccessQuestion(AccessSubject Subject, string Verb, string Group, string Resource, string? Subresource, string? Name, string? Namespace)
{
    public string NamespaceIn(string learnerNamespace) => Namespace ?? learnerNamespace;

    /// <summary>"patch secrets/api-token in namespace tutor", as a sentence ends.</summary>
    public string Describe(string learnerNamespace)
    {
        var resource = Group.Length == 0 ? Resource : $"{Resource}.{Group}";
        if (Subresource is not null) resource += $" (subresource {Subresource})";
        var target = Name is null ? resource : $"{resource}/{Name}";
        return $"{Verb} {target} in namespace {NamespaceIn(learnerNamespace)}";
    }
}
