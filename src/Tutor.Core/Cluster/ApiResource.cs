using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>A kind as the cluster serves it: the plural that goes into URLs and whether it lives in a namespace.</summary>
public sealed record ApiResource(ResourceKind Kind, string Plural, bool Namespaced, IReadOnlyList<string> Verbs)
{
    /// <summary>kubectl's way of naming an object of this kind: <c>deployment.apps/vote</c>, <c>service/vote</c>.</summary>
    public string Reference(string name) =>
        Kind.Group.Length == 0 ? $"{Kind.Kind.ToLowerInvariant()}/{name}" : $"{Kind.Kind.ToLowerInvariant()}.{Kind.Group}/{name}";

    public bool Supports(string verb) => Verbs.Count == 0 || Verbs.Contains(verb);
}
