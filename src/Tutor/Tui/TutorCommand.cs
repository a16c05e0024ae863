namespace Tutor.Tui;

/// <summary>What a key or a click on the key bar asks for.</summary>
public enum TutorCommand
{
    Apply,
    Check,
    NextStep,
    PreviousStep,
    Hint,
    Solution,
    Reset,
    RunCommand,
    Diff,
    Edit,
    Objects,
    Help,
    Quit,
}
