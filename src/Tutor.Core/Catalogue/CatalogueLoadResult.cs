namespace Tutor.Core.Catalogue;

/// <summary>
/// The outcome of loading lessons.json: the catalogue when the file has no problem at all, and
/// every problem found otherwise.
/// </summary>
public sealed record CatalogueLoadResult(Catalogue? Catalogue, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Ok => Catalogue is not null && Diagnostics.Count == 0;

    /// <summary>
    /// The levels and the lessons that could be read in full even though the file has problems
    /// elsewhere; the linter keeps checking those so one typo does not hide the rest.
    /// </summary>
    internal Catalogue? Salvaged { get; init; }
}
