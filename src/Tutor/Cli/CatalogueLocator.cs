namespace Tutor.Cli;

/// <summary>
/// Finds the folder holding lessons.json: the one named by --lessons, else the working directory
/// or one of its parents (an author editing lessons sees their edits at once), else the copy
/// shipped beside the binary.
/// </summary>
public static class CatalogueLocator
{
    public const string FileName = "lessons.json";

    public static string? Find(string? explicitDir, string workingDirectory, string appDirectory)
    {
        if (!string.IsNullOrEmpty(explicitDir)) return Path.GetFullPath(explicitDir);
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, FileName))) return dir.FullName;
        }
        var shipped = Path.Combine(appDirectory, "catalogue");
        return File.Exists(Path.Combine(shipped, FileName)) ? shipped : null;
    }
}
