using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers.Scheduling;

/// <summary>Label selectors with <c>matchLabels</c> and <c>matchExpressions</c> (In, NotIn, Exists, DoesNotExist, Gt, Lt), as affinity uses them.</summary>
public static class LabelExpressions
{
    /// <summary>Whether a LabelSelector object selects <paramref name="labels"/>; a missing selector selects nothing, an empty one everything.</summary>
    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not JsonObject s) return false;
        return Meta.Labels(s["matchLabels"]).All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value)
            && All(s["matchExpressions"], labels);
    }

    /// <summary>Whether every requirement in a <c>matchExpressions</c> list holds.</summary>
    public static bool All(JsonNode? expressions, IReadOnlyDictionary<string, string> labels) =>
        ((expressions as JsonArray)?.OfType<JsonObject>() ?? []).All(e => Holds(e, labels));

    private static bool Holds(JsonObject expression, IReadOnlyDictionary<string, string> labels)
    {
        var key = expression["key"]?.GetValue<string>() ?? "";
        var values = (expression["values"] as JsonArray)?.Select(v => v?.GetValue<string>() ?? "").ToList() ?? [];
        var has = labels.TryGetValue(key, out var value);
        return expression["operator"]?.GetValue<string>() switch
        {
            "In" => has && values.Contains(value!),
            "NotIn" => !has || !values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            "Gt" => has && long.TryParse(value, out var a) && values.Count == 1 && long.TryParse(values[0], out var b) && a > b,
            "Lt" => has && long.TryParse(value, out var c) && values.Count == 1 && long.TryParse(values[0], out var d) && c < d,
            _ => false,
        };
    }
}
