using Tutor.Core.Progress;

namespace Tutor.Cli;

/// <summary>The kubeconfig file of a running sandbox, readable by its owner only (it holds the token).</summary>
public static class SandboxKubeconfig
{
    public const string ContextName = "tutor-sandbox";

    /// <summary>Where <c>tutor sandbox</c> writes its kubeconfig unless told otherwise, and where Tutor looks for a running one.</summary>
    public static string DefaultPath(CliIo io) => Path.Combine(StateDirectory.Resolve(io.Environment, io.Home), "sandbox.kubeconfig");

    public static void Write(string path, string contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Removes the file if it still holds what this process wrote (another sandbox may have replaced it).</summary>
    public static void Remove(string path, string contents)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllText(path) == contents) File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
