namespace Tutor.Core.Catalogue;

public sealed record Level(int Id, string Title, string Summary)
{
    /// <summary>The line of lessons.json the level is declared on; 0 when built in code.</summary>
    public int Line { get; init; }
}
