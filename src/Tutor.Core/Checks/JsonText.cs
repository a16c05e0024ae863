using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tutor.Core.Checks;

/// <summary>Small helpers to read JSON values by meaning and to show them in messages the way YAML would.</summary>
internal static partial class JsonText
{
    private const int MaxShown = 70;

    public static bool IsMissing(JsonNode? node) =>
        node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.Null);

    public static bool TryNumber(JsonNode? node, out decimal value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number &&
               decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryString(JsonNode? node, out string value)
    {
        value = "";
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            return false;
        value = v.GetValue<string>();
        return true;
    }

    /// <summary>A number, or a string holding a Kubernetes quantity ("500m", "1Gi").</summary>
    public static bool TryQuantity(JsonNode? node, out decimal value) =>
        TryNumber(node, out value) || (TryString(node, out var s) && Quantity.TryParse(s, out value));

    public static int Int(JsonNode? node, int fallback = 0) =>
        TryNumber(node, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : fallback;

    /// <summary>The <c>name</c> field of a list element, which messages use to name it.</summary>
    public static string? NameOf(JsonNode? element) => element is JsonObject map ? Str(map["name"]) : null;

    /// <summary>Walks a path of map keys; null as soon as a step is missing or not a map.</summary>
    public static JsonNode? Get(JsonNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not JsonObject map)
                return null;
            node = map[key];
        }
        return node;
    }

    public static string? Str(JsonNode? node) => TryString(node, out var s) ? s : null;

    /// <summary>The value as a message shows it: strings quoted at the top, maps and lists in YAML flow style, cut short when long.</summary>
    public static string Show(JsonNode? node)
    {
        if (IsMissing(node))
            return "nothing";
        var text = new StringBuilder();
        Write(text, node, top: true);
        return text.Length > MaxShown ? text.ToString(0, MaxShown - 1) + "…" : text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, bool top)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject map:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in map)
                {
                    if (!first) text.Append(", ");
                    first = false;
                    text.Append(key).Append(": ");
                    Write(text, value, top: false);
                }
                text.Append('}');
                break;
            case JsonArray list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Write(text, list[i], top: false);
                }
                text.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var s = value.GetValue<string>();
                // Inside a map or list plain words read better unquoted, as YAML writes them.
                text.Append(!top && PlainWord().IsMatch(s) ? s : "\"" + s.Replace("\"", "\\\"") + "\"");
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_./][A-Za-z0-9_./:@-]*$")]
    private static partial Regex PlainWord();
}
