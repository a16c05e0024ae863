using Terminal.Gui.Input;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class KeyMapTests
{
    [Theory]
    [InlineData('a', TutorCommand.Apply)]
    [InlineData('c', TutorCommand.Check)]
    [InlineData('n', TutorCommand.NextStep)]
    [InlineData('p', TutorCommand.PreviousStep)]
    [InlineData('h', TutorCommand.Hint)]
    [InlineData('s', TutorCommand.Solution)]
    [InlineData('r', TutorCommand.Reset)]
    [InlineData('?', TutorCommand.Help)]
    [InlineData('q', TutorCommand.Quit)]
    public void Letters_map_to_commands(char key, TutorCommand command)
    {
        KeyMap.CommandFor(new Key(key)).Should().Be(command);
    }

    [Fact]
    public void Shifted_letters_work_too_and_F1_is_help()
    {
        KeyMap.CommandFor(Key.A.WithShift).Should().Be(TutorCommand.Apply);
        KeyMap.CommandFor(Key.F1).Should().Be(TutorCommand.Help);
    }

    [Fact]
    public void Modified_and_unknown_keys_are_left_to_the_focused_view()
    {
        KeyMap.CommandFor(Key.C.WithCtrl).Should().BeNull();
        KeyMap.CommandFor(Key.Q.WithAlt).Should().BeNull();
        KeyMap.CommandFor(Key.Z).Should().BeNull();
        KeyMap.CommandFor(Key.J).Should().BeNull();
        KeyMap.CommandFor(Key.Enter).Should().BeNull();
        KeyMap.CommandFor(Key.Esc).Should().BeNull();
    }

    [Fact]
    public void Esc_is_swallowed_so_it_never_quits()
    {
        KeyMap.IsSwallowedOnMainWindow(Key.Esc).Should().BeTrue();
        KeyMap.IsSwallowedOnMainWindow(Key.Q).Should().BeFalse();
    }

    [Fact]
    public void Help_lists_every_key_once_per_line()
    {
        var help = KeyMap.HelpText().Split('\n');

        help.Should().HaveCount(KeyMap.Bindings.Count + KeyMap.NavigationBindings.Count);
        foreach (var binding in KeyMap.Bindings)
        {
            help.Should().ContainSingle(line => line.StartsWith(binding.Keys + " ") && line.Contains(binding.Description));
        }
    }

    [Fact]
    public void Help_ends_with_how_kubectl_reaches_the_sandbox_when_that_needs_saying()
    {
        var help = KeyMap.HelpText("export KUBECONFIG=~/.local/state/tutor/sandbox.kubeconfig").Split('\n');

        help[^1].Should().Be("kubectl: export KUBECONFIG=~/.local/state/tutor/sandbox.kubeconfig");
        KeyMap.HelpText().Should().NotContain("kubectl:");
    }
}
