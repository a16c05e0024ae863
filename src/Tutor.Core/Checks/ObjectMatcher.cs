using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tutor.Core.Checks;

/// <summary>
/// Partial matching of an expected JSON shape against a live object, as the authoring guide defines it:
/// maps match as subsets, every expected list element must match some actual element, scalars compare
/// equal (numbers by value), and operator maps (<c>$gte</c>, <c>$regex</c>, …) test a value.
/// It reports the first mismatch with its path, in words a learner can act on.
/// </summary>
public static class ObjectMatcher
{
    public static readonly IReadOnlyList<string> Operators =
        ["$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$regex", "$exists", "$len", "$in", "$not"];

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>True when the node is a map whose keys are all operators (<c>{$gte: 3}</c>).</summary>
    public static bool IsOperatorMap(JsonNode? node) =>
        node is JsonObject map && map.Count > 0 && map.All(p => p.Key.StartsWith('$'));

    public static bool Matches(JsonNode? expected, JsonNode? actual) => FirstMismatch(expected, actual) is null;

    /// <summary>Null when <paramref name="actual"/> matches; otherwise the first mismatch found.</summary>
    public static MatchFailure? FirstMismatch(JsonNode? expected, JsonNode? actual, string path = "") =>
        Match(expected, actual, path);

    private static MatchFailure? Match(JsonNode? expected, JsonNode? actual, string path)
    {
        if (IsOperatorMap(expected))
            return MatchOperators((JsonObject)expected!, actual, path);
        return expected switch
        {
            JsonObject map => MatchMap(map, actual, path),
            JsonArray list => MatchList(list, actual, path),
            _ => MatchScalar(expected, actual, path),
        };
    }

    private static MatchFailure? MatchMap(JsonObject expected, JsonNode? actual, string path)
    {
        if (JsonText.IsMissing(actual) && expected.Count == 0)
            return Fail(path, $"expected {Name(path)} to be there, found nothing");
        if (!JsonText.IsMissing(actual) && actual is not JsonObject)
            return Fail(path, $"expected {Name(path)} to be a map, found {JsonText.Show(actual)}");
        var actualMap = actual as JsonObject;
        foreach (var (key, value) in expected)
        {
            // Descending into a missing parent lets the message name the deepest field that was expected.
            var failure = Match(value, actualMap?[key], Child(path, key));
            if (failure is not null)
                return failure;
        }
        return null;
    }

    private static MatchFailure? MatchList(JsonArray expected, JsonNode? actual, string path)
    {
        if (JsonText.IsMissing(actual))
            return expected.Count == 0
                ? Fail(path, $"expected {Name(path)} to be a list, found nothing")
                : Fail(path, $"expected {Name(path)} to have an element matching {JsonText.Show(expected[0])}, found nothing");
        if (actual is not JsonArray actualList)
            return Fail(path, $"expected {Name(path)} to be a list, found {JsonText.Show(actual)}");

        foreach (var element in expected)
        {
            if (actualList.Any(a => Match(element, a, path) is null))
                continue;

            // An expected element with a name is about that named element: say which of its fields differs.
            if (element is JsonObject map && !IsOperatorMap(map) && JsonText.Str(map["name"]) is { } name &&
                actualList.FirstOrDefault(a => JsonText.NameOf(a) == name) is { } named)
                return Match(element, named, $"{path}[{name}]");

            var found = actualList.Count == 0 ? "the list is empty" : Summary(actualList, path);
            return Fail(path, element is JsonObject or JsonArray
                ? $"expected {Name(path)} to have an element matching {JsonText.Show(element)}, found none ({found})"
                : $"expected {Name(path)} to contain {JsonText.Show(element)}, found {JsonText.Show(actualList)}");
        }
        return null;
    }

    private static MatchFailure? MatchScalar(JsonNode? expected, JsonNode? actual, string path)
    {
        // `field: null` means the field is not set, as Kubernetes reads null.
        if (JsonText.IsMissing(expected))
            return JsonText.IsMissing(actual) ? null : Fail(path, $"expected {Name(path)} not to be set, found {JsonText.Show(actual)}");
        if (JsonText.IsMissing(actual))
            return Fail(path, $"expected {Name(path)} to be {JsonText.Show(expected)}, found nothing");
        return ScalarEquals(expected!, actual!)
            ? null
            : Fail(path, $"expected {Name(path)} to be {JsonText.Show(expected)}, found {JsonText.Show(actual)}");
    }

    private static MatchFailure? MatchOperators(JsonObject operators, JsonNode? actual, string path)
    {
        foreach (var (op, argument) in operators)
        {
            var failure = op switch
            {
                "$eq" => DeepEquals(argument, actual) ? null
                    : Fail(path, $"expected {Name(path)} to be {JsonText.Show(argument)}, found {JsonText.Show(actual)}"),
                "$ne" => !JsonText.IsMissing(actual) && DeepEquals(argument, actual)
                    ? Fail(path, $"expected {Name(path)} not to be {JsonText.Show(argument)}, found {JsonText.Show(actual)}")
                    : null,
                "$gt" or "$gte" or "$lt" or "$lte" => Compare(op, argument, actual, path),
                "$regex" => MatchRegex(argument, actual, path),
                "$exists" => Exists(argument, actual, path),
                "$len" => Length(argument, actual, path),
                "$in" => In(argument, actual, path),
                "$not" => Not(argument, actual, path),
                _ => Fail(path, $"unknown operator {op} at {Name(path)} (valid: {string.Join(", ", Operators)})"),
            };
            if (failure is not null)
                return failure;
        }
        return null;
    }

    private static MatchFailure? Compare(string op, JsonNode? argument, JsonNode? actual, string path)
    {
        var symbol = op switch { "$gt" => ">", "$gte" => ">=", "$lt" => "<", _ => "<=" };
        var bound = argument is JsonValue v && JsonText.TryString(v, out var s) ? s : JsonText.Show(argument);
        var wanted = $"expected {Name(path)} {symbol} {bound}";
        if (!JsonText.TryQuantity(argument, out var limit))
            return Fail(path, $"{wanted}, but {bound} is not a number or quantity");
        if (JsonText.IsMissing(actual))
            return Fail(path, $"{wanted}, found nothing");
        if (!JsonText.TryQuantity(actual, out var value))
            return Fail(path, $"{wanted}, found {JsonText.Show(actual)} (not a number)");
        var holds = op switch
        {
            "$gt" => value > limit,
            "$gte" => value >= limit,
            "$lt" => value < limit,
            _ => value <= limit,
        };
        var shown = JsonText.TryString(actual, out var text) ? text : JsonText.Show(actual);
        return holds ? null : Fail(path, $"{wanted}, found {shown}");
    }

    private static MatchFailure? MatchRegex(JsonNode? argument, JsonNode? actual, string path)
    {
        var pattern = JsonText.Str(argument) ?? "";
        var wanted = $"expected {Name(path)} to match /{pattern}/";
        if (JsonText.IsMissing(actual))
            return Fail(path, $"{wanted}, found nothing");
        if (actual is not JsonValue value)
            return Fail(path, $"{wanted}, found {JsonText.Show(actual)}");
        var text = JsonText.Str(value) ?? value.ToJsonString();
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, RegexTimeout) ? null : Fail(path, $"{wanted}, found {JsonText.Show(actual)}");
        }
        catch (ArgumentException e)
        {
            return Fail(path, $"invalid regular expression /{pattern}/ at {Name(path)}: {e.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            return Fail(path, $"{wanted}, but the expression took too long to evaluate");
        }
    }

    private static MatchFailure? Exists(JsonNode? argument, JsonNode? actual, string path)
    {
        var wanted = argument is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        var present = !JsonText.IsMissing(actual);
        return (wanted, present) switch
        {
            (true, false) => Fail(path, $"expected {Name(path)} to be there, found nothing"),
            (false, true) => Fail(path, $"expected {Name(path)} not to be there, found {JsonText.Show(actual)}"),
            _ => null,
        };
    }

    private static MatchFailure? Length(JsonNode? argument, JsonNode? actual, string path)
    {
        int? length = actual switch
        {
            JsonArray list => list.Count,
            JsonObject map => map.Count,
            JsonValue value when JsonText.TryString(value, out var s) => s.Length,
            _ => null,
        };
        var wanted = IsOperatorMap(argument) ? $"a length {JsonText.Show(argument)}" : $"length {JsonText.Show(argument)}";
        if (JsonText.IsMissing(actual))
            return Fail(path, $"expected {Name(path)} to have {wanted}, found nothing");
        if (length is null)
            return Fail(path, $"expected {Name(path)} to have {wanted}, found {JsonText.Show(actual)} (which has no length)");
        if (IsOperatorMap(argument))
            return MatchOperators((JsonObject)argument!, JsonValue.Create(length.Value), $"len({Name(path)})");
        if (JsonText.TryNumber(argument, out var n) && n == length.Value)
            return null;
        var detail = actual is JsonArray items && items.Count > 0 ? $" ({Summary(items, path)})" : "";
        return Fail(path, $"expected {Name(path)} to have length {JsonText.Show(argument)}, found {length}{detail}");
    }

    private static MatchFailure? In(JsonNode? argument, JsonNode? actual, string path)
    {
        var choices = argument as JsonArray ?? [];
        return choices.Any(c => DeepEquals(c, actual))
            ? null
            : Fail(path, $"expected {Name(path)} to be one of {JsonText.Show(choices)}, found {JsonText.Show(actual)}");
    }

    private static MatchFailure? Not(JsonNode? argument, JsonNode? actual, string path)
    {
        // On a list, a plain expectation means "no element matches it".
        if (actual is JsonArray list && !IsOperatorMap(argument))
        {
            var unwanted = argument is JsonArray many ? many.ToList() : [argument];
            foreach (var element in list)
                foreach (var candidate in unwanted)
                    if (Match(candidate, element, path) is null)
                        return Fail(path, $"expected {Name(path)} to have no element matching {JsonText.Show(candidate)}, found one ({ElementName(element, list.IndexOf(element))})");
            return null;
        }

        if (Match(argument, actual, path) is not null)
            return null;
        var what = argument switch
        {
            JsonObject ops when ops.Count == 1 && JsonText.Str(ops["$regex"]) is { } pattern => $"not to match /{pattern}/",
            JsonObject or JsonArray => $"not to match {JsonText.Show(argument)}",
            _ => $"not to be {JsonText.Show(argument)}",
        };
        return Fail(path, $"expected {Name(path)} {what}, found {JsonText.Show(actual)}");
    }

    /// <summary>Scalars compare equal; numbers by value. A number also equals a string quantity of that value,
    /// because the API server stores resources such as <c>cpu: 1</c> as the string "1".</summary>
    private static bool ScalarEquals(JsonNode expected, JsonNode actual)
    {
        if (expected is not JsonValue e || actual is not JsonValue a)
            return false;
        if (JsonText.TryNumber(e, out var en))
            return (JsonText.TryNumber(a, out var an) || (JsonText.TryString(a, out var s) && Quantity.TryParse(s, out an))) && en == an;
        var kind = e.GetValueKind();
        if (kind != a.GetValueKind())
            return false;
        return kind switch
        {
            JsonValueKind.String => e.GetValue<string>() == a.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => e.ToJsonString() == a.ToJsonString(),
        };
    }

    private static bool DeepEquals(JsonNode? expected, JsonNode? actual)
    {
        if (JsonText.IsMissing(expected) || JsonText.IsMissing(actual))
            return JsonText.IsMissing(expected) && JsonText.IsMissing(actual);
        return (expected, actual) switch
        {
            (JsonObject e, JsonObject a) => e.Count == a.Count && e.All(p => a.ContainsKey(p.Key) && DeepEquals(p.Value, a[p.Key])),
            (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(p => DeepEquals(p.First, p.Second)),
            (JsonValue, JsonValue) => ScalarEquals(expected!, actual!),
            _ => false,
        };
    }

    private static MatchFailure Fail(string path, string message) => new(path, message);

    private static string Name(string path) => path.Length == 0 ? "the object" : path;

    private static string Child(string path, string key)
    {
        var plain = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');
        if (!plain)
            return $"{path}[\"{key}\"]";
        return path.Length == 0 ? key : $"{path}.{key}";
    }

    // "containers: vote, redis" when elements have names, otherwise how many there are.
    private static string Summary(JsonArray list, string path)
    {
        var names = list.Select(JsonText.NameOf).ToList();
        if (names.All(n => n is not null))
        {
            var field = LastSegment(path);
            return $"{(field.Length > 0 ? field + ": " : "")}{string.Join(", ", names)}";
        }
        return list.Count == 1 ? "1 element" : $"{list.Count} elements";
    }

    private static string ElementName(JsonNode? element, int index) =>
        JsonText.NameOf(element) is { } name ? name : $"element {index}: {JsonText.Show(element)}";

    private static string LastSegment(string path)
    {
        var end = path.Length;
        if (end > 0 && path[end - 1] == ']')
            return "";
        var dot = path.LastIndexOf('.');
        return dot >= 0 ? path[(dot + 1)..] : path;
    }
}
