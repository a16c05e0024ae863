using Tutor.Tests.Engine;

namespace Tutor.Tests.EndToEnd;

/// <summary>
/// The screen's tools in a real terminal on the sandbox Tutor starts: a lesson command run through /bin/sh and
/// kubectl, the same command copied into tmux's clipboard with OSC 52, the editor given the terminal and the
/// screen back after it, and the diff against the solution.
/// </summary>
public sealed class ScreenToolsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _home = Path.Combine(Path.GetTempPath(), "tutor-tools-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void Run_copy_edit_and_diff_on_the_sandbox()
    {
        TmuxSession.Available.Should().BeTrue("the end-to-end tests need tmux");
        var tutor = Path.Combine(AppContext.BaseDirectory, "tutor");
        // A copy of the catalogue, because the editor changes a manifest.
        var lessons = Path.Combine(_home, "catalogue");
        foreach (var file in new[] { "lessons.json" }.Concat(new[] { "lessons", "manifests" }.SelectMany(d =>
                     Directory.EnumerateFiles(Path.Combine(ShippedCatalogue.Root, d), "*", SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(ShippedCatalogue.Root, f)))))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(lessons, file))!);
            File.Copy(Path.Combine(ShippedCatalogue.Root, file), Path.Combine(lessons, file));
        }

        var editor = Path.Combine(_home, "editor");
        File.WriteAllText(editor, "#!/bin/sh\nprintf '# edited in the test\\n' >> \"$1\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var tmux = TmuxSession.Start($"cd '{_home}' && '{tutor}' --lessons '{lessons}'", new Dictionary<string, string>
        {
            ["HOME"] = _home,
            ["XDG_STATE_HOME"] = Path.Combine(_home, "state"),
            ["KUBECONFIG"] = "",
            ["EDITOR"] = editor,
            ["TERM"] = "xterm-256color",
        }, width: 120, height: 40);
        tmux.SetServerOption("set-clipboard", "on");
        tmux.WaitForText("Checks 1/3 passing", Patience);

        tmux.SendKeys("x");
        tmux.WaitForText("Commands of step 1", Patience);
        tmux.SendKeys("Enter");
        var output = tmux.WaitForText("exit 0", Patience);
        output.Should().Contain("$ kubectl config get-contexts").And.Contain("tutor-sandbox", "kubectl found the sandbox through KUBECONFIG");
        tmux.SendKeys("Escape");
        tmux.WaitFor(s => !s.Contains("exit 0") && s.Contains("Checks 1/3"), Patience, "the output to close");

        tmux.SendKeys("x");
        tmux.WaitForText("Commands of step 1", Patience);
        tmux.SendKeys("y");
        tmux.WaitForText("copied", Patience);
        tmux.WaitFor(_ => tmux.Buffer().StartsWith("kubectl config get-contexts\nkubectl config current-context"), Patience, "the command in tmux's buffer");
        tmux.SendKeys("Escape");
        tmux.WaitFor(s => !s.Contains("Commands of step 1"), Patience, "the picker to close");

        tmux.SendKeys("e");
        tmux.WaitForText("read again", Patience);
        File.ReadAllText(Path.Combine(lessons, "manifests", "101-meet-your-cluster", "step-1.yaml")).Should().EndWith("# edited in the test\n");
        tmux.WaitForText("# edited in the test", Patience);

        tmux.SendKeys("d");
        var diff = tmux.WaitForText("missing from the cluster", Patience);
        diff.Should().Contain("v1 Namespace tutor");
        tmux.SendKeys("Escape");
        tmux.WaitFor(s => !s.Contains("missing from the cluster"), Patience, "the diff to close");

        tmux.SendKeys("q");
        tmux.WaitFor(_ => tmux.PaneDead, Patience, "Tutor to exit");
        tmux.ExitStatus.Should().Be(0, $"Tutor quits normally (signal: {tmux.DeadSignal})");
    }
}
