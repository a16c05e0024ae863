namespace Tutor.Core.Checks;

/// <summary>
/// One named object a check reads: <c>apps/v1 Deployment vote</c>. A name of <c>{namespace}</c>
/// stands for the learner's namespace and is resolved when the check is evaluated, because the same
/// checks file serves every learner.
/// </summary>
public sealed record ResourceRef(ResourceKind Kind, string Name)
{
    public const string NamespacePlaceholder = "{namespace}";

    public bool NamesLearnerNamespace => Name == NamespacePlaceholder;

    public string ResolveName(string learnerNamespace) => NamesLearnerNamespace ? learnerNamespace : Name;

    public override string ToString() => $"{Kind} {Name}";
}
