namespace Tutor.Core.Catalogue;

/// <summary>
/// The outcome of loading lessons.json: the catalogue when the file has no problem at all, and
/// every problem found otherwise.
/// </summary>
public sealed record CatalogueLoadResult(Catalogue? Catalogue, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Ok => Catalogue is not null && Diagnostics.Count == 0;

    /// <summary>
    /// Every level and lesson as far as it could be read, unreadable fields left empty, even when
    /// the file has problems; the linter keeps checking the files they name so one typo does not
    /// hide the rest.
    /// </summary>
    internal Catalogue? Salvaged { get; init; }
}
