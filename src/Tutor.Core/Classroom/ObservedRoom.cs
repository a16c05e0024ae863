using System.Text.Json.Nodes;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>What provision found before planning: the live objects it keeps (by where they live) and the kubeconfig files already written.</summary>
public sealed record ObservedRoom(IReadOnlyDictionary<string, JsonObject> Objects, IReadOnlyDictionary<string, string> Kubeconfigs)
{
    public static readonly ObservedRoom Empty = new(new Dictionary<string, JsonObject>(), new Dictionary<string, string>());

    /// <summary>The key of an object in <see cref="Objects"/>: its namespace (empty if cluster-scoped), plural and name.</summary>
    public static string Key(ApiResource resource, string? @namespace, string name) => $"{@namespace}/{resource.Plural}/{name}";

    public static string Key(PlannedObject planned) => Key(planned.Resource, planned.Namespace, planned.Name);

    public JsonObject? Find(PlannedObject planned) => Objects.GetValueOrDefault(Key(planned));
}
