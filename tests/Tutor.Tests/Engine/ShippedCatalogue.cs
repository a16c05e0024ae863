using Tutor.Core.Catalogue;

namespace Tutor.Tests.Engine;

/// <summary>The catalogue the repository ships, as the engine and verbs load it.</summary>
internal static class ShippedCatalogue
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "lessons.json")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return dir.FullName;
            throw new InvalidOperationException("lessons.json not found above the test folder");
        }
    }

    public static LessonFiles Files() => new(CatalogueLoader.Load(Root).Catalogue ?? throw new InvalidOperationException("the shipped catalogue does not load"));
}
