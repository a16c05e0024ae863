using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>The bottom bar listing Tutor's keys; each entry can also be clicked.</summary>
public static class KeyBar
{
    public static StatusBar Create(Action<TutorCommand> execute) =>
        new(KeyMap.Bindings
            .Where(binding => binding.Command is not null)
            .Select(binding => new Shortcut(new Key(binding.Keys[0]), binding.Label, () => execute(binding.Command!.Value))));
}
