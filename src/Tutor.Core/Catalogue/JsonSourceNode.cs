namespace Tutor.Core.Catalogue;

internal enum JsonSourceKind { Object, Array, String, Number, Boolean, Null }

/// <summary>
/// A JSON value that remembers the line it starts on, so every catalogue diagnostic can point at
/// the exact line of lessons.json. Object members keep their file order and duplicates.
/// </summary>
internal sealed class JsonSourceNode
{
    public required JsonSourceKind Kind { get; init; }
    public required int Line { get; init; }
    public IReadOnlyList<JsonSourceProperty> Properties { get; init; } = [];
    public IReadOnlyList<JsonSourceNode> Items { get; init; } = [];
    public string? String { get; init; }
    public double Number { get; init; }
    public bool Boolean { get; init; }

    /// <summary>The JSON type as an author reads it in a message.</summary>
    public string TypeName => Kind switch
    {
        JsonSourceKind.Object => "object",
        JsonSourceKind.Array => "array",
        JsonSourceKind.String => "string",
        JsonSourceKind.Number => "number",
        JsonSourceKind.Boolean => "boolean",
        _ => "null",
    };
}

internal sealed record JsonSourceProperty(string Name, int Line, JsonSourceNode Value);
