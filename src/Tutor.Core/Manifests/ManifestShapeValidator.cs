using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;
using Tutor.Core.Catalogue;
using YamlDotNet.RepresentationModel;
using static Tutor.Core.Manifests.YamlScalars;

namespace Tutor.Core.Manifests;

/// <summary>
/// Walks a manifest's YAML tree alongside the KubernetesClient model type of its kind, reporting
/// fields the type does not have and scalars of the wrong type, each at its own line. The server
/// would reject (or silently drop) the same fields; finding them here names the file and line.
/// </summary>
internal sealed class ManifestShapeValidator(string file, List<Diagnostic> diagnostics)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> FieldsByType = new();

    public void Validate(YamlMappingNode root, Type modelType, string kind) => Walk(root, modelType, "", kind);

    private void Walk(YamlNode node, Type type, string path, string kind)
    {
        if (IsNull(node)) return;
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
            return;
        if (type == typeof(IntOrString) || type == typeof(ResourceQuantity))
        {
            ExpectScalar(node, path, "a number or a string");
            return;
        }
        if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            ExpectString(node, path);
            return;
        }
        if (type == typeof(byte[]))
        {
            if (ExpectString(node, path) && !IsBase64(((YamlScalarNode)node).Value ?? ""))
                Error(node, $"field \"{path}\" must be base64-encoded (write plain text under \"stringData\" instead)");
            return;
        }
        if (type == typeof(bool))
        {
            if (ExpectScalar(node, path, "true or false") && TypeOf((YamlScalarNode)node) != ScalarType.Boolean)
                WrongScalar(node, path, "true or false");
            return;
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            if (ExpectScalar(node, path, "a whole number") && !IsWholeNumber((YamlScalarNode)node))
                WrongScalar(node, path, "a whole number");
            return;
        }
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            if (ExpectScalar(node, path, "a number") && TypeOf((YamlScalarNode)node) is not (ScalarType.Integer or ScalarType.Float))
                WrongScalar(node, path, "a number");
            return;
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            // Labels, annotations, data and the like take any key.
            if (Expect<YamlMappingNode>(node, path, "a map") is { } map)
                foreach (var (key, value) in map.Children)
                    Walk(value, valueType, Join(path, KeyText(key)), kind);
            return;
        }
        if (ListItemType(type) is { } itemType)
        {
            if (Expect<YamlSequenceNode>(node, path, "a list") is { } list)
                for (var i = 0; i < list.Children.Count; i++)
                    Walk(list.Children[i], itemType, $"{path}[{ItemName(list.Children[i]) ?? i.ToString()}]", kind);
            return;
        }
        if (type.Namespace == typeof(V1Pod).Namespace && type.IsClass)
        {
            if (Expect<YamlMappingNode>(node, path, "a map") is not { } mapping) return;
            var fields = FieldsOf(type);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = KeyText(keyNode);
                if (fields.TryGetValue(key, out var fieldType))
                {
                    Walk(value, fieldType, Join(path, key), kind);
                    continue;
                }
                var where = path.Length == 0 ? $"the {kind}" : path;
                Error(keyNode, $"unknown field \"{key}\" in {where}{SpellingSuggestion.Hint(key, fields.Keys)}");
            }
        }
        // Any other type is left to the server rather than guessed at.
    }

    private bool ExpectString(YamlNode node, string path)
    {
        if (!ExpectScalar(node, path, "a string")) return false;
        var scalar = (YamlScalarNode)node;
        var type = TypeOf(scalar);
        if (type is ScalarType.String && IsYaml11Boolean(scalar))
        {
            Error(node, $"field \"{path}\": kubectl reads a plain {scalar.Value} as a boolean; put it in quotes: \"{scalar.Value}\"");
            return false;
        }
        if (type is ScalarType.String) return true;
        Error(node, $"field \"{path}\" must be a string, found {Describe(type)} {scalar.Value} (put it in quotes: \"{scalar.Value}\")");
        return false;
    }

    private bool ExpectScalar(YamlNode node, string path, string expected) =>
        Expect<YamlScalarNode>(node, path, expected) is not null;

    private T? Expect<T>(YamlNode node, string path, string expected) where T : YamlNode
    {
        if (node is T typed) return typed;
        var found = node switch
        {
            YamlMappingNode => "a map",
            YamlSequenceNode => "a list",
            _ => $"{Describe(TypeOf((YamlScalarNode)node))} \"{((YamlScalarNode)node).Value}\"",
        };
        Error(node, $"field \"{path}\" must be {expected}, found {found}");
        return null;
    }

    private void WrongScalar(YamlNode node, string path, string expected)
    {
        var scalar = (YamlScalarNode)node;
        Error(node, $"field \"{path}\" must be {expected}, found {Describe(TypeOf(scalar))} \"{scalar.Value}\"");
    }

    private void Error(YamlNode node, string message) => diagnostics.Add(new Diagnostic(file, (int)node.Start.Line, message));

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    // List elements are named by their name field, as check messages name them.
    private static string? ItemName(YamlNode item) =>
        item is YamlMappingNode map
            ? map.Children.Where(c => KeyText(c.Key) == "name").Select(c => c.Value).OfType<YamlScalarNode>().FirstOrDefault()?.Value is { Length: > 0 } name ? name : null
            : null;

    private static bool IsBase64(string value)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        return Convert.TryFromBase64String(compact, new byte[compact.Length], out _);
    }

    private static IReadOnlyDictionary<string, Type> FieldsOf(Type type) => FieldsByType.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!)
            .ToDictionary(g => g.Key, g => g.First().PropertyType));

    private static Type? DictionaryValueType(Type type) => GenericArgument(type, typeof(IDictionary<,>), 1);

    private static Type? ListItemType(Type type) => type == typeof(string) ? null : GenericArgument(type, typeof(IList<>), 0);

    private static Type? GenericArgument(Type type, Type generic, int index)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var match = candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
        return match?.GetGenericArguments()[index];
    }
}
