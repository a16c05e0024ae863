namespace Tutor.Core.Progress;

/// <summary>Moves a state file that cannot be read out of the way, keeping it for inspection, and words the warning.</summary>
internal static class CorruptFile
{
    public static string SetAside(string path, string problem, DateTimeOffset now, string startsWith)
    {
        var aside = $"{path}.corrupt-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        for (var n = 2; File.Exists(aside); n++)
            aside = $"{path}.corrupt-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{n}";
        try
        {
            File.Move(path, aside);
            return $"{path} could not be read ({problem}); it was kept as {aside} and Tutor {startsWith}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} could not be read ({problem}) and could not be moved aside ({e.Message}); Tutor {startsWith}";
        }
    }
}
