namespace Tutor.Core.Checks;

/// <summary>
/// A field of the named object compared with the same field when the step started: <c>changed: metadata.uid</c>
/// holds when it differs (the object was replaced), <c>unchanged: metadata.uid</c> when it is the same (the object
/// outlived whatever the step did). The start is a snapshot the caller records, so the evaluator stays pure.
/// </summary>
public sealed record ChangeCheck(string Title, string? Hint, int Line, ResourceRef Resource, IReadOnlyList<string> Field, bool ExpectChange)
    : Check(Title, Hint, Line)
{
    public override IEnumerable<ResourceKind> Reads => [Resource.Kind];

    /// <summary>The field as the checks file writes it: <c>metadata.uid</c>.</summary>
    public string FieldPath => string.Join('.', Field);
}
