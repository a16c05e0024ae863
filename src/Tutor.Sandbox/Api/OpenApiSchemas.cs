using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// OpenAPI v3 component schemas for the sandbox's kinds, read by reflection from the client library's model
/// types (<c>k8s.Models.V1Pod</c> and what it refers to): property names from their JSON names, types, lists
/// and maps. Enough for <c>kubectl explain</c> to print a kind's FIELDS, and for any check that needs to know
/// which fields a kind has. Built once per kind on first use: reflection over the models is not free.
/// </summary>
public static partial class OpenApiSchemas
{
    private static readonly Assembly Models = typeof(k8s.Models.V1Pod).Assembly;
    private static readonly Dictionary<ResourceType, JsonObject> Cache = [];
    private static readonly Lock Gate = new();

    /// <summary>The model type for a kind (<c>V1Pod</c> for core v1 Pod), or null when the library has none.</summary>
    public static Type? ModelOf(ResourceType type) =>
        Models.GetType($"k8s.Models.{char.ToUpperInvariant(type.Version[0])}{type.Version[1..]}{type.Kind}");

    /// <summary>The component name kubectl finds a kind under; the schema carries its group-version-kind too.</summary>
    public static string NameOf(Type model) =>
        VersionPrefix().Match(model.Name) is { Success: true } m
            ? $"io.k8s.{m.Value.ToLowerInvariant()}.{model.Name[m.Length..]}"
            : "io.k8s." + model.Name;

    // kubectl explain prints the part after the last dot as the field's type: Container, not V1Container.
    [GeneratedRegex("^V[0-9]+((alpha|beta)[0-9]+)?(?=[A-Z])")]
    private static partial Regex VersionPrefix();

    /// <summary>The schemas for these kinds and every type they refer to, keyed by component name.</summary>
    public static JsonObject For(IEnumerable<ResourceType> types)
    {
        var schemas = new JsonObject();
        foreach (var type in types)
        {
            JsonObject ofKind;
            lock (Gate)
            {
                if (!Cache.TryGetValue(type, out ofKind!))
                {
                    ofKind = Build(type);
                    Cache[type] = ofKind;
                }
            }

            foreach (var (name, schema) in ofKind)
                if (!schemas.ContainsKey(name)) schemas[name] = schema!.DeepClone();
        }

        return schemas;
    }

    private static JsonObject Build(ResourceType type)
    {
        var schemas = new JsonObject();
        if (ModelOf(type) is not { } model) return schemas;
        Add(model, schemas);
        schemas[NameOf(model)]!["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject
        {
            ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind,
        });
        return schemas;
    }

    private static void Add(Type model, JsonObject schemas)
    {
        var name = NameOf(model);
        if (schemas.ContainsKey(name)) return;
        var properties = new JsonObject();
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        schemas[name] = schema;
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } json) continue;
            properties[json.Name] = SchemaOf(property.PropertyType, schemas);
        }
    }

    private static JsonObject SchemaOf(Type type, JsonObject schemas)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int)) return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        if (type == typeof(long)) return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        if (type == typeof(double) || type == typeof(float)) return new JsonObject { ["type"] = "number", ["format"] = "double" };
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        if (type == typeof(byte[])) return new JsonObject { ["type"] = "string", ["format"] = "byte" };
        if (type == typeof(k8s.Models.IntOrString)) return new JsonObject { ["type"] = "string", ["x-kubernetes-int-or-string"] = true };
        if (type == typeof(k8s.Models.ResourceQuantity)) return new JsonObject { ["type"] = "string" };
        if (Dictionary(type) is { } value) return new JsonObject { ["type"] = "object", ["additionalProperties"] = SchemaOf(value, schemas) };
        if (Element(type) is { } element) return new JsonObject { ["type"] = "array", ["items"] = SchemaOf(element, schemas) };
        if (type.Assembly == Models && type.IsClass)
        {
            Add(type, schemas);
            return new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + NameOf(type) }) };
        }

        // Free-form JSON (raw extensions, JSON schema props) has no fixed shape.
        return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
    }

    private static Type? Dictionary(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static Type? Element(Type type) =>
        type == typeof(string) ? null
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
