using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutor.Core.Drift;

/// <summary>Writes JSON as block YAML, keys in their given order, so two objects of the same shape line up in a diff.</summary>
public static class YamlWriter
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteValue(text, node, 0, inList: false);
        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, JsonNode? node, int indent, bool inList)
    {
        switch (node)
        {
            case JsonObject { Count: 0 }:
                text.Append("{}\n");
                break;
            case JsonObject o:
                var first = true;
                foreach (var (key, value) in o)
                {
                    if (!(first && inList)) text.Append(' ', indent);
                    first = false;
                    text.Append(Scalar(key)).Append(':');
                    WriteChild(text, value, indent + 2);
                }
                break;
            case JsonArray { Count: 0 }:
                text.Append("[]\n");
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    text.Append(' ', indent).Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 }) WriteValue(text, item, indent + 2, inList: true);
                    else text.Append(ScalarOf(item)).Append('\n');
                }
                break;
            default:
                text.Append(ScalarOf(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder text, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            text.Append('\n');
            WriteValue(text, value, value is JsonArray ? indent - 2 : indent, inList: false);
        }
        else
        {
            text.Append(' ');
            WriteValue(text, value, indent, inList: false);
        }
    }

    private static string ScalarOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "false",
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>A string plain when YAML would read it back as the same string, quoted otherwise.</summary>
    private static string Scalar(string value)
    {
        var plain = value.Length > 0
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':') && value.Trim() == value && !value.Contains('\n')
            && "-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) < 0
            && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && value is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~");
        return plain ? value : JsonSerializer.Serialize(value);
    }
}
