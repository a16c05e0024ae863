namespace Tutor.Tui;

/// <summary>How a line of a panel (checks, objects, output, diff) is coloured.</summary>
public enum PanelLineKind
{
    Normal,
    Pass,
    Fail,
    Pending,
    Diagnosis,
    Warning,
    Added,
    Removed,
    Heading,
    Error,
}
