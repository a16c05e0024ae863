using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tutor.Core.Manifests;

/// <summary>
/// YAML 1.2 core-schema typing of scalars, so a manifest keeps what its author wrote: plain
/// <c>80</c> is a number, <c>"80"</c> a string, <c>true</c> a boolean, <c>null</c> or nothing is null.
/// </summary>
internal static partial class YamlScalars
{
    public enum ScalarType { Null, Boolean, Integer, Float, String }

    public static ScalarType TypeOf(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
            return ScalarType.String;
        var value = scalar.Value ?? "";
        if (value is "" or "~" or "null" or "Null" or "NULL") return ScalarType.Null;
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return ScalarType.Boolean;
        if (IntegerPattern().IsMatch(value) || HexPattern().IsMatch(value) || OctalPattern().IsMatch(value)) return ScalarType.Integer;
        if (FloatPattern().IsMatch(value)) return ScalarType.Float;
        return ScalarType.String;
    }

    /// <summary>
    /// Plain words that YAML 1.1 (and so kubectl) reads as booleans although YAML 1.2 reads them as
    /// strings; in a string field they work with one client and fail with the other.
    /// </summary>
    public static bool IsYaml11Boolean(YamlScalarNode scalar) =>
        TypeOf(scalar) == ScalarType.String && scalar.Style == ScalarStyle.Plain &&
        (scalar.Value ?? "").ToLowerInvariant() is "y" or "n" or "yes" or "no" or "on" or "off";

    public static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && TypeOf(scalar) == ScalarType.Null;

    public static string Describe(ScalarType type) => type switch
    {
        ScalarType.Null => "null",
        ScalarType.Boolean => "boolean",
        ScalarType.Integer or ScalarType.Float => "number",
        _ => "string",
    };

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToJsonObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ScalarToJson(scalar),
        _ => null,
    };

    public static JsonObject ToJsonObject(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
            json[KeyText(key)] = ToJson(value);
        return json;
    }

    public static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        switch (TypeOf(scalar))
        {
            case ScalarType.Null:
                return null;
            case ScalarType.Boolean:
                return JsonValue.Create(value.Equals("true", StringComparison.OrdinalIgnoreCase));
            case ScalarType.Integer:
                if (TryInteger(value, out var integer)) return JsonValue.Create(integer);
                return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
            case ScalarType.Float:
                return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
            default:
                return JsonValue.Create(value);
        }
    }

    private static bool TryInteger(string value, out long result)
    {
        var negative = value.StartsWith('-');
        var digits = value.TrimStart('+', '-');
        bool ok;
        if (digits.StartsWith("0x"))
            ok = long.TryParse(digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out result);
        else if (digits.StartsWith("0o"))
        {
            result = 0;
            ok = true;
            try { result = Convert.ToInt64(digits[2..], 8); } catch (OverflowException) { ok = false; }
        }
        else
            ok = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out result);
        if (negative) result = -result;
        return ok;
    }

    public static bool IsWholeNumber(YamlScalarNode scalar) =>
        TypeOf(scalar) == ScalarType.Integer ||
        (TypeOf(scalar) == ScalarType.Float && double.Parse(scalar.Value!, CultureInfo.InvariantCulture) % 1 == 0);

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^0o[0-7]+$")]
    private static partial Regex OctalPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
