namespace Tutor.Core.Catalogue;

/// <summary>
/// Where the fields of one catalogue entry were written in lessons.json, so problems found later
/// (a missing file, an unknown heading) point at the line that names them. Setup files are keyed
/// "setup[0]", "setup[1]", …
/// </summary>
public sealed class SourceLines
{
    public static readonly SourceLines None = new(0, new Dictionary<string, int>());

    private readonly IReadOnlyDictionary<string, int> _fields;

    public SourceLines(int line, IReadOnlyDictionary<string, int> fields)
    {
        Line = line;
        _fields = fields;
    }

    /// <summary>The line the entry starts on; 0 when it was not read from a file.</summary>
    public int Line { get; }

    /// <summary>The line of a field, or the entry's own line when the field was not written.</summary>
    public int Of(string field) => _fields.TryGetValue(field, out var line) ? line : Line;
}
