using Tutor.Core.Catalogue;

namespace Tutor.Core.Manifests;

public sealed record ManifestReadResult(IReadOnlyList<ManifestObject> Objects, IReadOnlyList<Diagnostic> Errors)
{
    public bool Ok => Errors.Count == 0;
}
