namespace Tutor.Tui;

/// <summary>One key on the key bar: where it starts, what it shows, and what a click on it does.</summary>
public sealed record KeyBarSegment(int Start, string Key, string Label, TutorCommand Command)
{
    public int Width => Label.Length == 0 ? Key.Length : Key.Length + 1 + Label.Length;

    public bool Covers(int column) => column >= Start && column < Start + Width;
}
