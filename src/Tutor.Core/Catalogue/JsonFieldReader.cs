namespace Tutor.Core.Catalogue;

/// <summary>
/// Reads the fields of one JSON object of lessons.json, reporting unknown, duplicate, missing and
/// wrongly typed fields with their lines. Getters return null when the field is absent or unusable,
/// so the caller only decides what is required.
/// </summary>
internal sealed class JsonFieldReader
{
    private readonly JsonSourceNode _node;
    private readonly string _owner;
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, JsonSourceProperty> _fields = new(StringComparer.Ordinal);

    public JsonFieldReader(JsonSourceNode node, string owner, IReadOnlyList<string> known, string file, List<Diagnostic> diagnostics)
    {
        _node = node;
        _owner = owner;
        _file = file;
        _diagnostics = diagnostics;
        foreach (var property in node.Properties)
        {
            if (!known.Contains(property.Name))
                Error(property.Line, $"unknown field \"{property.Name}\" in {owner}{SpellingSuggestion.Hint(property.Name, known)}");
            else if (!_fields.TryAdd(property.Name, property))
                Error(property.Line, $"field \"{property.Name}\" appears twice in {owner} (first at line {_fields[property.Name].Line})");
        }
    }

    public int Line => _node.Line;

    public IReadOnlyDictionary<string, int> Lines => _fields.ToDictionary(f => f.Key, f => f.Value.Line);

    public int LineOf(string name) => _fields.TryGetValue(name, out var p) ? p.Line : _node.Line;

    public JsonSourceNode? Node(string name, JsonSourceKind kind, bool required)
    {
        if (!_fields.TryGetValue(name, out var property))
        {
            if (required) Fail(_node.Line, $"{_owner} is missing required field \"{name}\"");
            return null;
        }
        if (property.Value.Kind != kind)
        {
            var expected = kind switch
            {
                JsonSourceKind.Object => "an object",
                JsonSourceKind.Array => "an array",
                JsonSourceKind.String => "a string",
                JsonSourceKind.Number => "a number",
                _ => "a boolean",
            };
            Fail(property.Value.Line, $"field \"{name}\" must be {expected}, found {property.Value.TypeName}");
            return null;
        }
        return property.Value;
    }

    public string? String(string name, bool required)
    {
        var node = Node(name, JsonSourceKind.String, required);
        if (node is null) return null;
        if (required && string.IsNullOrWhiteSpace(node.String))
        {
            Fail(node.Line, $"field \"{name}\" must not be empty");
            return null;
        }
        return node.String;
    }

    public int? Integer(string name, bool required)
    {
        var node = Node(name, JsonSourceKind.Number, required);
        if (node is null) return null;
        if (node.Number != Math.Floor(node.Number) || node.Number is > int.MaxValue or < int.MinValue)
        {
            Fail(node.Line, $"field \"{name}\" must be a whole number, found {node.Number}");
            return null;
        }
        return (int)node.Number;
    }

    public bool? Boolean(string name) => Node(name, JsonSourceKind.Boolean, required: false)?.Boolean;

    /// <summary>A list of strings; each wrong element is reported on its own line.</summary>
    public IReadOnlyList<(string Value, int Line)>? Strings(string name, bool required)
    {
        var node = Node(name, JsonSourceKind.Array, required);
        if (node is null) return null;
        var values = new List<(string, int)>();
        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = node.Items[i];
            if (item.Kind != JsonSourceKind.String)
                Fail(item.Line, $"\"{name}\" item {i + 1} must be a string, found {item.TypeName}");
            else
                values.Add((item.String!, item.Line));
        }
        return values;
    }

    public void Fail(int line, string message)
    {
        Error(line, message);
    }

    private void Error(int line, string message) => _diagnostics.Add(new Diagnostic(_file, line, message));
}
