using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Store;

/// <summary>A change to one object, as a watch reports it: type is ADDED, MODIFIED or DELETED.</summary>
public sealed record StoreEvent(string Type, ResourceType Resource, JsonObject Object, long ResourceVersion)
{
    public string Namespace => Object["metadata"]?["namespace"]?.GetValue<string>() ?? "";

    public string Name => Object["metadata"]?["name"]?.GetValue<string>() ?? "";
}
