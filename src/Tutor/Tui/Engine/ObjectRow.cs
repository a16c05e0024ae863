namespace Tutor.Tui;

/// <summary>One live object in the objects panel: "deploy/vote" with "2/3", or "po/vote-7d9f-x9" with "Running".</summary>
public sealed record ObjectRow(string Name, string Status, ObjectHealth Health);
