namespace Tutor.Core.Cluster;

/// <summary>Whether a namespace is Tutor's to delete in, and why (or why not).</summary>
public sealed record NamespaceVerdict(string Namespace, bool Exists, bool IsTutors, string Reason);
