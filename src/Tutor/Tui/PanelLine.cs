namespace Tutor.Tui;

/// <summary>One screen line of a panel, already wrapped, with the colour role it is drawn in.</summary>
public sealed record PanelLine(string Text, PanelLineKind Kind);
