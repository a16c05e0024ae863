using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Tutor.Tests.Support;

namespace Tutor.Tests.EndToEnd;

/// <summary>
/// A real terminal for end-to-end tests: a detached tmux session running a command, driven with
/// send-keys and read with capture-pane, the way a person would use it.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    private readonly string _name;
    private readonly string _socket;

    private TmuxSession(string name, string socket)
    {
        _name = name;
        _socket = socket;
    }

    public static bool Available => Run("tmux", ["-V"], throwOnError: false).ExitCode == 0;

    /// <summary>Starts <paramref name="command"/> in a new detached session of the given size.</summary>
    public static TmuxSession Start(string command, IReadOnlyDictionary<string, string> environment, int width = 140, int height = 45)
    {
        var name = "tutor-e2e-" + Guid.NewGuid().ToString("N")[..8];
        // A private socket keeps the test away from any tmux server the person running it has open.
        var socket = Path.Combine(Path.GetTempPath(), name + ".sock");
        var args = new List<string> { "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", width.ToString(), "-y", height.ToString() };
        foreach (var (key, value) in environment)
        {
            args.Add("-e");
            args.Add($"{key}={value}");
        }
        args.Add(command);
        Run("tmux", args);
        var session = new TmuxSession(name, socket);
        session.Tmux("set-option", "-t", name, "remain-on-exit", "on");
        return session;
    }

    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", _name, .. keys]);

    /// <summary>Types literal text (no key-name lookup).</summary>
    public void Type(string text) => Tmux("send-keys", "-t", _name, "-l", text);

    public string Capture() => Tmux("capture-pane", "-p", "-t", _name).Output;

    /// <summary>Sets a server option, e.g. set-clipboard on, so an application's OSC 52 lands in tmux's buffer.</summary>
    public void SetServerOption(string name, string value) => Tmux("set-option", "-s", name, value);

    /// <summary>The newest paste buffer (what a copy put there), or "" when there is none.</summary>
    public string Buffer() => Run("tmux", ["-S", _socket, "show-buffer"], throwOnError: false).Output;

    /// <summary>
    /// The program has ended and tmux has its exit status or signal. tmux marks a pane dead when its terminal
    /// closes, which on a busy machine comes a moment before it has reaped the process and knows the status.
    /// </summary>
    /// <remarks>
    /// tmux reaps on SIGCHLD, and on a loaded machine that signal is now and then lost: the program has exited
    /// (a zombie, its exit code in /proc) and tmux never learns of it. Sending the server SIGCHLD again makes it
    /// reap, so the status still comes from tmux.
    /// </remarks>
    public bool PaneDead
    {
        get
        {
            var state = Tmux("display-message", "-p", "-t", _name, "#{pane_dead}|#{pane_dead_status}#{pane_dead_signal}|#{pid}|#{pane_pid}").Output.Trim().Split('|');
            if (state[0] != "1") return false;
            if (state[1].Length > 0) return true;
            if (IsZombie(state[3])) _ = kill(int.Parse(state[2], CultureInfo.InvariantCulture), SIGCHLD);
            return false;
        }
    }

    private const int SIGCHLD = 17;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private static bool IsZombie(string pid)
    {
        try
        {
            // The state is the field after the command name, which is in parentheses and may hold spaces.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public int? ExitStatus
    {
        get
        {
            var text = Tmux("display-message", "-p", "-t", _name, "#{pane_dead_status}").Output.Trim();
            return int.TryParse(text, out var code) ? code : null;
        }
    }

    /// <summary>The signal that ended the pane's program, if one did (then <see cref="ExitStatus"/> is null).</summary>
    public string DeadSignal => Tmux("display-message", "-p", "-t", _name, "#{pane_dead_signal}").Output.Trim();

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>; fails with the last screen on timeout.</summary>
    public string WaitFor(Func<string, bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        var screen = "";
        while (watch.Elapsed < timeout)
        {
            screen = Capture();
            if (condition(screen)) return screen;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"waited {timeout.TotalSeconds:0}s for {what}; the screen was:\n{screen}");
    }

    public string WaitForText(string text, TimeSpan timeout) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), timeout, $"\"{text}\"");

    public void Resize(int width, int height) => Tmux("resize-window", "-t", _name, "-x", width.ToString(), "-y", height.ToString());

    public void Dispose()
    {
        Run("tmux", ["-S", _socket, "kill-server"], throwOnError: false);
        try { File.Delete(_socket); } catch (IOException) { }
    }

    private (int ExitCode, string Output) Tmux(params string[] args) => Run("tmux", ["-S", _socket, .. args]);

    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, bool throwOnError = true)
    {
        var (code, output, error) = ChildProcess.Run(file, args);
        if (throwOnError && code != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({code}): {error}");
        return (code, output);
    }
}
