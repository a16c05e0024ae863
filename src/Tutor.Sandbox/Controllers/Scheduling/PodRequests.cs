using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers.Scheduling;

/// <summary>What a Pod asks of a node: the larger of its containers' summed requests and its biggest init container.</summary>
public static class PodRequests
{
    public static decimal Of(JsonObject? spec, string resource)
    {
        var main = Containers(spec, "containers").Sum(c => Request(c, resource));
        var init = Containers(spec, "initContainers").Select(c => Request(c, resource)).DefaultIfEmpty(0).Max();
        return Math.Max(main, init);
    }

    /// <summary>A container's request; a limit alone counts as the request, as the API server defaults it.</summary>
    private static decimal Request(JsonObject container, string resource)
    {
        var value = container["resources"]?["requests"]?[resource] ?? container["resources"]?["limits"]?[resource];
        return value is JsonValue v ? ResourceQuantity.Parse(v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : 0;
    }

    private static IEnumerable<JsonObject> Containers(JsonObject? spec, string list) => (spec?[list] as JsonArray)?.OfType<JsonObject>() ?? [];
}
