using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tutor.Core.Catalogue;

/// <summary>Thrown for malformed JSON; <see cref="Line"/> is 1-based.</summary>
internal sealed class JsonSourceException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// Strict JSON (comments allowed, nothing else lenient) into <see cref="JsonSourceNode"/>s with
/// line numbers. Utf8JsonReader gives byte offsets; lines come from a table of newline offsets.
/// </summary>
internal static partial class JsonSourceParser
{
    public static JsonSourceNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
            throw new JsonSourceException(1, "the file is empty; expected a JSON object");
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') newlines.Add(i);

        var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, newlines, start);
            // Reading past the single root value makes the reader reject trailing content.
            while (reader.Read()) { }
            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            throw new JsonSourceException(line, "invalid JSON: " + PositionSuffix().Replace(ex.Message, "").Trim());
        }
    }

    private static JsonSourceNode ReadValue(ref Utf8JsonReader reader, List<long> newlines, int offset)
    {
        var line = LineAt(newlines, reader.TokenStartIndex + offset);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonSourceProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var nameLine = LineAt(newlines, reader.TokenStartIndex + offset);
                    reader.Read();
                    properties.Add(new JsonSourceProperty(name, nameLine, ReadValue(ref reader, newlines, offset)));
                }
                return new JsonSourceNode { Kind = JsonSourceKind.Object, Line = line, Properties = properties };
            case JsonTokenType.StartArray:
                var items = new List<JsonSourceNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, newlines, offset));
                return new JsonSourceNode { Kind = JsonSourceKind.Array, Line = line, Items = items };
            case JsonTokenType.String:
                return new JsonSourceNode { Kind = JsonSourceKind.String, Line = line, String = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonSourceNode { Kind = JsonSourceKind.Number, Line = line, Number = reader.GetDouble() };
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonSourceNode { Kind = JsonSourceKind.Boolean, Line = line, Boolean = reader.GetBoolean() };
            default:
                return new JsonSourceNode { Kind = JsonSourceKind.Null, Line = line };
        }
    }

    private static int LineAt(List<long> newlines, long byteOffset)
    {
        var index = newlines.BinarySearch(byteOffset);
        return (index < 0 ? ~index : index) + 1;
    }

    [GeneratedRegex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex PositionSuffix();
}
