using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Selection;

/// <summary>
/// A <c>labelSelector</c> query parameter: comma-separated requirements (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>,
/// <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>), all of which must hold.
/// </summary>
public sealed class LabelSelectorQuery
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelectorQuery(List<Func<IReadOnlyDictionary<string, string>, bool>> requirements) => _requirements = requirements;

    public static readonly LabelSelectorQuery Everything = new([]);

    public static LabelSelectorQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var part in SplitTopLevel(text))
        {
            var term = part.Trim();
            if (term.Length == 0) throw Bad(text, "empty requirement");
            requirements.Add(ParseTerm(term, text));
        }

        return new LabelSelectorQuery(requirements);
    }

    public bool Matches(JsonObject obj) => Matches(LabelsOf(obj));

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    public static IReadOnlyDictionary<string, string> LabelsOf(JsonObject obj)
    {
        var labels = new Dictionary<string, string>();
        if (obj["metadata"]?["labels"] is JsonObject map)
            foreach (var (key, value) in map)
                if (value is JsonValue v && v.TryGetValue<string>(out var s)) labels[key] = s;
        return labels;
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term, string whole)
    {
        var lower = term.ToLowerInvariant();
        var notIn = lower.IndexOf(" notin ", StringComparison.Ordinal);
        var inAt = lower.IndexOf(" in ", StringComparison.Ordinal);
        if (notIn > 0) return SetTerm(term[..notIn].Trim(), term[(notIn + 7)..], whole, negate: true);
        if (inAt > 0) return SetTerm(term[..inAt].Trim(), term[(inAt + 4)..], whole, negate: false);

        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var (key, value) = Split(term, "!=", whole);
            return labels => !labels.TryGetValue(key, out var v) || v != value;
        }

        if (term.Contains("==", StringComparison.Ordinal) || term.Contains('='))
        {
            var (key, value) = Split(term, term.Contains("==", StringComparison.Ordinal) ? "==" : "=", whole);
            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        if (term.StartsWith('!'))
        {
            var key = ValidKey(term[1..].Trim(), whole);
            return labels => !labels.ContainsKey(key);
        }

        var present = ValidKey(term, whole);
        return labels => labels.ContainsKey(present);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> SetTerm(string key, string set, string whole, bool negate)
    {
        set = set.Trim();
        if (!set.StartsWith('(') || !set.EndsWith(')')) throw Bad(whole, "expected a set in parentheses");
        var values = set[1..^1].Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToHashSet();
        ValidKey(key, whole);
        return negate
            ? labels => !labels.TryGetValue(key, out var v) || !values.Contains(v)
            : labels => labels.TryGetValue(key, out var v) && values.Contains(v);
    }

    private static (string Key, string Value) Split(string term, string op, string whole)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        return (ValidKey(term[..at].Trim(), whole), term[(at + op.Length)..].Trim());
    }

    private static string ValidKey(string key, string whole)
    {
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '=' or '!' or ','))
            throw Bad(whole, $"invalid label key \"{key}\"");
        return key;
    }

    /// <summary>Splits on commas that are not inside parentheses.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static ApiError Bad(string selector, string why) => ApiError.BadRequest($"unable to parse requirement: {why} in label selector \"{selector}\"");
}
