namespace Tutor.Core.Progress;

/// <summary>Where Tutor keeps its state: <c>$XDG_STATE_HOME/tutor</c>, else <c>~/.local/state/tutor</c>.</summary>
public static class StateDirectory
{
    public static string Resolve() =>
        Resolve(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static string Resolve(Func<string, string?> environment, string home)
    {
        // The XDG spec says a relative path in the variable is invalid and must be ignored.
        var xdg = environment("XDG_STATE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(home, ".local", "state");
        return Path.Combine(root, "tutor");
    }
}
