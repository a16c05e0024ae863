namespace Tutor.Core.Tests.Catalogue;

/// <summary>A catalogue written to a fresh temporary folder, deleted when the test ends.</summary>
internal sealed class TempCatalogue : IDisposable
{
    public TempCatalogue()
    {
        Root = Path.Combine(Path.GetTempPath(), "tutor-catalogue-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempCatalogue With(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public TempCatalogue Without(string relative)
    {
        File.Delete(Path.Combine(Root, relative));
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
