using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Validation;

/// <summary>
/// Which fields each kind has, read from the KubernetesClient model types (generated from the API's own
/// OpenAPI): the type of a kind, and per model type its JSON field names and their types.
/// </summary>
internal static class ModelSchema
{
    private static readonly Lazy<IReadOnlyDictionary<(string Group, string Version, string Kind), Type>> Kinds = new(BuildKinds);
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> FieldsByType = new();

    public static Type? TypeOf(ResourceType type) =>
        Kinds.Value.TryGetValue((type.Group, type.Version, type.Kind), out var model) ? model : null;

    /// <summary>True for the model classes whose fields are known (not maps, lists or scalars).</summary>
    public static bool IsModel(Type type) => type.IsClass && type.Namespace == typeof(V1Pod).Namespace && type != typeof(IntOrString) && type != typeof(ResourceQuantity);

    public static IReadOnlyDictionary<string, Type> FieldsOf(Type type) => FieldsByType.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!)
            .ToDictionary(g => g.Key, g => Nullable.GetUnderlyingType(g.First().PropertyType) ?? g.First().PropertyType));

    public static Type? DictionaryValueType(Type type) => GenericArgument(type, typeof(IDictionary<,>), 1);

    public static Type? ListItemType(Type type) => type == typeof(string) ? null : GenericArgument(type, typeof(IList<>), 0);

    private static Type? GenericArgument(Type type, Type generic, int index)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var match = candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
        return match?.GetGenericArguments()[index];
    }

    private static IReadOnlyDictionary<(string, string, string), Type> BuildKinds()
    {
        var map = new Dictionary<(string, string, string), Type>();
        foreach (var type in typeof(V1Pod).Assembly.GetTypes())
        {
            var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
            if (entity is null || string.IsNullOrEmpty(entity.Kind)) continue;
            map.TryAdd((entity.Group ?? "", entity.ApiVersion, entity.Kind), type);
        }

        return map;
    }
}
