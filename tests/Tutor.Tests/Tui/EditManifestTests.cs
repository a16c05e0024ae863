using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Tutor.Core.Catalogue;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>e: the step's manifest in the learner's editor, with the screen handed over and taken back.</summary>
public class EditManifestTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void VISUAL_comes_before_EDITOR()
    {
        EditorCommand.Choose(Environment(("VISUAL", "code --wait"), ("EDITOR", "vim")), _ => true)
            .Should().Be(new EditorCommand("code --wait", "VISUAL"));
        EditorCommand.Choose(Environment(("EDITOR", "vim"), ("VISUAL", "  ")), _ => true)
            .Should().Be(new EditorCommand("vim", "EDITOR"));
    }

    [Fact]
    public void Without_variables_vi_then_nano_from_PATH_and_else_nothing()
    {
        EditorCommand.Choose(Environment(), p => p is "vi" or "nano")!.Editor.Should().Be("vi");
        EditorCommand.Choose(Environment(), p => p == "nano")!.Editor.Should().Be("nano");
        EditorCommand.Choose(Environment(), _ => false).Should().BeNull();
    }

    [Fact]
    public void The_file_goes_to_the_shell_as_an_argument_not_as_part_of_the_command()
    {
        var editor = new EditorCommand("code --wait", "EDITOR");

        editor.Arguments("/lessons/it's here.yaml").Should().Equal("-c", "code --wait \"$1\"", "tutor-edit", "/lessons/it's here.yaml");
    }

    [Fact]
    public void IsOnPath_looks_in_each_folder_of_PATH()
    {
        EditorCommand.IsOnPath("sh", "/nonexistent:/bin").Should().BeTrue();
        EditorCommand.IsOnPath("sh", "/nonexistent").Should().BeFalse();
        EditorCommand.IsOnPath("sh", null).Should().BeFalse();
    }

    [Fact]
    public void E_stops_the_screen_for_the_editor_with_the_manifests_full_path()
    {
        var engine = new FakeTutorEngine(SampleState.OnDeployments());
        using var ui = new TuiHarness(engine, new TuiOptions(false, GlyphSet.Unicode) { Environment = Environment(("EDITOR", "nano")) });

        ui.Press('e');

        ui.Window.PendingEdit.Should().Be(new EditRequest(new EditorCommand("nano", "EDITOR"), SampleState.Catalogue.PathOf("manifests/120-deployments/step-2.yaml")));
        ui.Window.StopRequested.Should().BeTrue();
    }

    [Fact]
    public void Without_any_editor_it_says_which_variable_to_set()
    {
        using var ui = new TuiHarness(new FakeTutorEngine(SampleState.OnDeployments()), new TuiOptions(false, GlyphSet.Unicode) { Environment = Environment(("PATH", "/nonexistent")) });

        ui.Press('e');

        ui.Window.PendingEdit.Should().BeNull();
        ui.Window.StopRequested.Should().BeFalse();
        ui.Screen.Should().Contain("No editor found").And.Contain("export EDITOR=nano");
    }

    [Fact]
    public async Task The_app_hands_the_terminal_to_the_editor_then_starts_again_and_rereads_the_manifest()
    {
        var root = Directory.CreateTempSubdirectory("tutor-edit-");
        try
        {
            var manifest = Path.Combine(root.FullName, "manifests", "120-deployments", "step-2.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
            File.WriteAllText(manifest, "kind: Deployment\n");
            var editor = Path.Combine(root.FullName, "fake-editor");
            File.WriteAllText(editor, "#!/bin/sh\necho '# edited' >> \"$1\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var state = SampleState.OnDeployments();
            var engine = new FakeTutorEngine(state with { Catalogue = SampleState.Catalogue with { Root = root.FullName } });
            var starts = 0;

            var run = Task.Run(() => TuiApp.RunOn(engine, new TuiOptions(true, GlyphSet.Unicode) { Environment = Environment(("EDITOR", editor)) },
                DriverRegistry.Names.ANSI, new FakeDialogs(), app =>
                {
                    var key = ++starts == 1 ? new Key('e') : new Key('q');
                    app.AddTimeout(TimeSpan.FromMilliseconds(30), () =>
                    {
                        app.Keyboard.RaiseKeyDownEvent(key);
                        return false;
                    });
                }));

            (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)))).Should().BeSameAs(run, "the app must come back after the editor and quit on q");
            await run;
            starts.Should().Be(2);
            File.ReadAllText(manifest).Should().Be("kind: Deployment\n# edited\n");
            engine.Calls.Should().Equal("reload");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
