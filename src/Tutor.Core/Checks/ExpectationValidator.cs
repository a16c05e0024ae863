using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tutor.Core.Checks;

/// <summary>
/// Checks a <c>match</c> expectation while its YAML lines are still known, so an unknown operator or an
/// operator with the wrong kind of argument is reported at its line instead of failing on a live cluster.
/// </summary>
internal sealed class ExpectationValidator(Action<YamlNode, string> report)
{
    public void Validate(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlSequenceNode list:
                foreach (var element in list.Children)
                    Validate(element, path);
                break;
            case YamlMappingNode map:
                ValidateMap(map, path);
                break;
        }
    }

    private void ValidateMap(YamlMappingNode map, string path)
    {
        var keys = map.Children.Select(p => (Node: p.Key, Name: (p.Key as YamlScalarNode)?.Value ?? "")).ToList();
        var operators = keys.Where(k => k.Name.StartsWith('$')).ToList();
        var fields = keys.Where(k => !k.Name.StartsWith('$')).ToList();
        if (operators.Count > 0 && fields.Count > 0)
        {
            report(fields[0].Node, $"{Where(path)} mixes operators ({operators[0].Name}) and fields ({fields[0].Name}); put the fields one level down or the operators in their own map");
            return;
        }
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name.StartsWith('$'))
                ValidateOperator(key, name, value, path);
            else
                Validate(value, path.Length == 0 ? name : $"{path}.{name}");
        }
    }

    private void ValidateOperator(YamlNode key, string op, YamlNode argument, string path)
    {
        var at = Where(path);
        switch (op)
        {
            case "$eq" or "$ne":
                break;
            case "$gt" or "$gte" or "$lt" or "$lte":
                if (argument is not YamlScalarNode s || !JsonText.TryQuantity(YamlJson.Scalar(s), out _))
                    report(argument, $"{op} at {at} needs a number or a quantity such as 500m or 128Mi, found {YamlJson.Describe(argument)}");
                break;
            case "$regex":
                if (!YamlJson.TryString(argument, out var pattern))
                    report(argument, $"$regex at {at} needs a string (quote it), found {YamlJson.Describe(argument)}");
                else
                    try
                    {
                        _ = new Regex(pattern);
                    }
                    catch (ArgumentException e)
                    {
                        report(argument, $"$regex at {at} is not a valid regular expression: {e.Message}");
                    }
                break;
            case "$exists":
                if (!YamlJson.TryBool(argument, out _))
                    report(argument, $"$exists at {at} needs true or false, found {YamlJson.Describe(argument)}");
                break;
            case "$len":
                if (argument is YamlMappingNode lenMap && ObjectMatcher.IsOperatorMap(YamlJson.ToJson(lenMap)))
                    Validate(lenMap, path);
                else if (argument is not YamlScalarNode n || !JsonText.TryNumber(YamlJson.Scalar(n), out var len) || len < 0 || len != decimal.Truncate(len))
                    report(argument, $"$len at {at} needs a whole number or an operator map such as {{$gte: 1}}, found {YamlJson.Describe(argument)}");
                break;
            case "$in":
                if (argument is not YamlSequenceNode)
                    report(argument, $"$in at {at} needs a list of values, found {YamlJson.Describe(argument)}");
                break;
            case "$not":
                Validate(argument, path);
                break;
            default:
                var nearest = NameSuggester.Nearest(op, ObjectMatcher.Operators);
                var guess = nearest is null ? "." : $"; did you mean {nearest}?";
                report(key, $"unknown operator {op} at {at}{guess} Valid operators: {string.Join(", ", ObjectMatcher.Operators)}");
                break;
        }
    }

    private static string Where(string path) => path.Length == 0 ? "the top of match" : path;
}
