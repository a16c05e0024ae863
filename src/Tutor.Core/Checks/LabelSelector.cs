using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tutor.Core.Checks;

/// <summary>
/// A Kubernetes label selector: every requirement must hold. Written in kubectl syntax
/// (<c>a=b,c!=d,e in (x,y),f notin (z),g,!h</c>) or read from an object's selector.
/// An empty selector matches every object, as in Kubernetes.
/// </summary>
public sealed partial class LabelSelector
{
    public LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>Matches an object by its <c>metadata.labels</c>.</summary>
    public bool Matches(JsonNode? obj) => Matches(LabelsOf(obj));

    public override string ToString() => string.Join(",", Requirements);

    /// <summary>The <c>metadata.labels</c> of an object as a dictionary (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(JsonNode? obj)
    {
        var result = new Dictionary<string, string>();
        if (JsonText.Get(obj, "metadata", "labels") is JsonObject labels)
            foreach (var (key, value) in labels)
                if (value is JsonValue v)
                    result[key] = v.ToString();
        return result;
    }

    public static LabelSelector Parse(string text) =>
        TryParse(text, out var selector, out var error) ? selector : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out LabelSelector? selector, [NotNullWhen(false)] out string? error)
    {
        selector = null;
        var requirements = new List<LabelRequirement>();
        var terms = SplitTerms(text, out error);
        if (error is not null)
            return false;
        foreach (var term in terms)
        {
            if (!TryParseTerm(term.Trim(), out var requirement, out error))
                return false;
            requirements.Add(requirement);
        }
        selector = new LabelSelector(requirements);
        return true;
    }

    /// <summary>
    /// Builds a selector from JSON: a Service's <c>spec.selector</c> map of labels, or a workload's
    /// <c>{matchLabels, matchExpressions}</c>. Null when there is no selector at all (a Service without
    /// one selects nothing) or it cannot be read.
    /// </summary>
    public static LabelSelector? FromJson(JsonNode? node)
    {
        if (node is not JsonObject map)
            return null;
        var requirements = new List<LabelRequirement>();
        var structured = map.ContainsKey("matchLabels") || map.ContainsKey("matchExpressions");
        var labels = structured ? map["matchLabels"] as JsonObject : map;
        if (labels is not null)
            foreach (var (key, value) in labels)
                if (value is JsonValue v)
                    requirements.Add(new LabelRequirement(key, LabelOperator.Equals, [v.ToString()]));
        if (structured && map["matchExpressions"] is JsonArray expressions)
            foreach (var item in expressions)
            {
                var key = JsonText.Str(JsonText.Get(item, "key"));
                var op = JsonText.Str(JsonText.Get(item, "operator"));
                var values = (JsonText.Get(item, "values") as JsonArray)?.Select(v => v?.ToString() ?? "").ToList() ?? [];
                LabelOperator? parsed = op switch
                {
                    "In" => LabelOperator.In,
                    "NotIn" => LabelOperator.NotIn,
                    "Exists" => LabelOperator.Exists,
                    "DoesNotExist" => LabelOperator.DoesNotExist,
                    _ => null,
                };
                if (key is null || parsed is null)
                    return null;
                requirements.Add(new LabelRequirement(key, parsed.Value, values));
            }
        return new LabelSelector(requirements);
    }

    /// <summary>The selector of an object: a Service's <c>spec.selector</c> map or a workload's <c>spec.selector</c>.</summary>
    /// <summary>The selector of an object: <c>spec.selector</c>, or a NetworkPolicy's <c>spec.podSelector</c>.</summary>
    public static LabelSelector? Of(JsonNode? obj) => FromJson(JsonText.Get(obj, "spec", "selector") ?? JsonText.Get(obj, "spec", "podSelector"));

    // Commas separate terms except inside the parentheses of a set.
    private static List<string> SplitTerms(string text, out string? error)
    {
        error = null;
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
            return terms;
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    if (++depth > 1) { error = $"nested parentheses in selector \"{text}\""; return terms; }
                    break;
                case ')':
                    if (--depth < 0) { error = $"unbalanced ')' in selector \"{text}\""; return terms; }
                    break;
                case ',' when depth == 0:
                    terms.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }
        if (depth != 0)
        {
            error = $"missing ')' in selector \"{text}\"";
            return terms;
        }
        terms.Add(text[start..]);
        return terms;
    }

    private static bool TryParseTerm(string term, [NotNullWhen(true)] out LabelRequirement? requirement, [NotNullWhen(false)] out string? error)
    {
        requirement = null;
        error = null;
        if (term.Length == 0)
        {
            error = "empty term in selector (two commas in a row, or a trailing comma?)";
            return false;
        }

        var set = SetTerm().Match(term);
        if (set.Success)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToList();
            if (!CheckKey(key, out error))
                return false;
            foreach (var v in values)
                if (!CheckValue(v, out error))
                    return false;
            var op = set.Groups["op"].Value == "in" ? LabelOperator.In : LabelOperator.NotIn;
            requirement = new LabelRequirement(key, op, values);
            return true;
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            if (!CheckKey(key, out error))
                return false;
            requirement = new LabelRequirement(key, LabelOperator.DoesNotExist, []);
            return true;
        }

        foreach (var (token, op) in new[] { ("!=", LabelOperator.NotEquals), ("==", LabelOperator.Equals), ("=", LabelOperator.Equals) })
        {
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
                continue;
            var key = term[..at].Trim();
            var value = term[(at + token.Length)..].Trim();
            if (!CheckKey(key, out error) || !CheckValue(value, out error))
                return false;
            requirement = new LabelRequirement(key, op, [value]);
            return true;
        }

        if (term.Contains('(') || term.Contains(' '))
        {
            error = $"cannot read selector term \"{term}\" (expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key)";
            return false;
        }
        if (!CheckKey(term, out error))
            return false;
        requirement = new LabelRequirement(term, LabelOperator.Exists, []);
        return true;
    }

    private static bool CheckKey(string key, [NotNullWhen(false)] out string? error)
    {
        error = null;
        var slash = key.IndexOf('/');
        var prefix = slash >= 0 ? key[..slash] : null;
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        if (prefix is not null && (prefix.Length is 0 or > 253 || !DnsSubdomain().IsMatch(prefix)))
            error = $"label key \"{key}\" has an invalid prefix (a DNS name such as example.com)";
        else if (name.Length is 0 or > 63 || !LabelName().IsMatch(name))
            error = $"invalid label key \"{key}\" (letters, digits, '-', '_', '.'; at most 63 characters; starts and ends with a letter or digit)";
        return error is null;
    }

    private static bool CheckValue(string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (value.Length > 63 || (value.Length > 0 && !LabelName().IsMatch(value)))
            error = $"invalid label value \"{value}\" (letters, digits, '-', '_', '.'; at most 63 characters; starts and ends with a letter or digit)";
        return error is null;
    }

    [GeneratedRegex(@"^(?<key>[^\s()!=,]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetTerm();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
