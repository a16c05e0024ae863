namespace Tutor.Tui;

/// <summary>How a line of the check panel is coloured.</summary>
public enum PanelLineKind
{
    Normal,
    Pass,
    Fail,
    Pending,
    Diagnosis,
    Warning,
}
