using System.Text.Json.Nodes;

namespace Tutor.Core.Cluster;

/// <summary>The items of a LIST and the resourceVersion to WATCH from.</summary>
public sealed record ObjectList(IReadOnlyList<JsonObject> Items, string ResourceVersion);
