using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tutor.Core.Checks;

/// <summary>
/// Converts YAML nodes to JSON keeping the types YAML gives scalars (core schema): plain <c>3</c> is a
/// number, <c>"3"</c> a string, <c>true</c> a bool, <c>null</c>/<c>~</c> null.
/// </summary>
internal static partial class YamlJson
{
    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => ToObject(map),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject ToObject(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
            obj[(key as YamlScalarNode)?.Value ?? key.ToString()] = ToJson(value);
        return obj;
    }

    public static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if (text.StartsWith("0x") && long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            return JsonValue.Create(hex);
        if (Float().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            return JsonValue.Create(real);
        return JsonValue.Create(text);
    }

    /// <summary>True for a plain <c>true</c>/<c>false</c> scalar.</summary>
    public static bool TryBool(YamlNode node, out bool value)
    {
        value = false;
        if (node is not YamlScalarNode s || Scalar(s) is not JsonValue v || v.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            return false;
        value = v.GetValue<bool>();
        return true;
    }

    /// <summary>A scalar YAML reads as a string (not a number, bool or null).</summary>
    public static bool TryString(YamlNode node, out string value)
    {
        value = "";
        if (node is not YamlScalarNode s || !JsonText.TryString(Scalar(s), out value))
            return false;
        return true;
    }

    /// <summary>How a node reads in a message: "a list", "a map", "the number 3", "\"abc\"".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        YamlScalarNode s => Scalar(s) switch
        {
            null => "nothing",
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => $"\"{s.Value}\"",
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => $"the number {s.Value}",
            _ => s.Value ?? "nothing",
        },
        _ => "something else",
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
