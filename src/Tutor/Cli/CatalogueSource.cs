using Tutor.Core.Catalogue;

namespace Tutor.Cli;

/// <summary>Finds and loads the lesson catalogue for a verb, printing every problem when it cannot.</summary>
public static class CatalogueSource
{
    public static LessonFiles? Load(string? explicitDir, CliIo io)
    {
        var root = CatalogueLocator.Find(explicitDir, io.WorkingDirectory, io.AppDirectory);
        if (root is null)
        {
            io.Error.WriteLine($"tutor: no {CatalogueLocator.FileName} found here, in a parent folder or beside tutor; name the folder with --lessons DIR");
            return null;
        }

        var result = CatalogueLoader.Load(root);
        if (result.Catalogue is null)
        {
            foreach (var problem in result.Diagnostics) io.Error.WriteLine(problem);
            io.Error.WriteLine("tutor: the lesson catalogue cannot be used; `tutor lint` lists every problem");
            return null;
        }

        return new LessonFiles(result.Catalogue);
    }

    /// <summary>The lesson with <paramref name="id"/>, or null after saying which ids exist (with a suggestion).</summary>
    public static Lesson? Find(LessonFiles files, string id, CliIo io)
    {
        if (files.Catalogue.Find(id) is { } lesson) return lesson;
        var ids = files.Catalogue.Lessons.Select(l => l.Id).ToList();
        var suggestion = SpellingSuggestion.Closest(id, ids);
        io.Error.WriteLine($"tutor: there is no lesson \"{id}\"{(suggestion is null ? "" : $" (did you mean \"{suggestion}\"?)")}; `tutor list` shows them all");
        return null;
    }
}
