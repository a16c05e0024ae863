using System.Reflection;
using k8s.Models;

namespace Tutor.Core.Manifests;

/// <summary>
/// The kinds KubernetesClient models, by apiVersion and kind, read from the
/// <see cref="KubernetesEntityAttribute"/> on its model types (the same table KubernetesYaml uses).
/// </summary>
internal static class KubernetesModelTypes
{
    private static readonly Lazy<IReadOnlyDictionary<(string ApiVersion, string Kind), Type>> Types = new(Build);

    public static Type? Find(string apiVersion, string kind) =>
        Types.Value.TryGetValue((apiVersion, kind), out var type) ? type : null;

    public static IReadOnlyList<string> ApiVersionsOf(string kind) =>
        Types.Value.Keys.Where(k => k.Kind == kind).Select(k => k.ApiVersion).Order(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> Kinds => Types.Value.Keys.Select(k => k.Kind).Distinct();

    /// <summary>API groups of the built-in kinds ("" for the core group).</summary>
    public static IEnumerable<string> Groups => Types.Value.Keys.Select(k => GroupOf(k.ApiVersion)).Distinct();

    public static string GroupOf(string apiVersion) => apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";

    private static IReadOnlyDictionary<(string, string), Type> Build()
    {
        var map = new Dictionary<(string, string), Type>();
        foreach (var type in typeof(V1Pod).Assembly.GetTypes())
        {
            var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
            if (entity is null || string.IsNullOrEmpty(entity.Kind)) continue;
            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            map.TryAdd((apiVersion, entity.Kind), type);
        }
        return map;
    }
}
