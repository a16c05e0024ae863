using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers;

/// <summary>The quality-of-service class Kubernetes gives a Pod from its containers' requests and limits.</summary>
public static class QosClass
{
    public static string Of(JsonObject? spec)
    {
        var containers = (spec?["containers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (containers.Count == 0) return "BestEffort";
        var any = false;
        var guaranteed = true;
        foreach (var c in containers)
        {
            var requests = c["resources"]?["requests"] as JsonObject;
            var limits = c["resources"]?["limits"] as JsonObject;
            if (requests is { Count: > 0 } || limits is { Count: > 0 }) any = true;
            foreach (var resource in new[] { "cpu", "memory" })
            {
                var limit = limits?[resource]?.ToJsonString();
                var request = requests?[resource]?.ToJsonString() ?? limit; // a limit alone sets the request to match
                if (limit is null || request != limit) guaranteed = false;
            }
        }

        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
