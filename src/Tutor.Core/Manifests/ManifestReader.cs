namespace Tutor.Core.Manifests;

/// <summary>Parses and validates a multi-document manifest; any error means nothing in it may be applied.</summary>
public static class ManifestReader
{
    // Contract only; the reader is written in the catalogue work.
    public static ManifestReadResult Read(string yaml, string file) => throw new NotImplementedException();
}
