using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api;

/// <summary>
/// <c>kubectl autoscale</c> (1.32) creates its HorizontalPodAutoscaler in autoscaling/v1, which has one CPU target where
/// v2 has a list of metrics. The sandbox stores v2 only, so a v1 create is converted to v2 on the way in and its answer
/// back to v1, as the API server converts between the versions it serves. Reading and changing in v1 is not served.
/// </summary>
public static class AutoscalingV1
{
    private const string Prefix = "/apis/autoscaling/v1/";

    /// <summary>The v2 path of a v1 HorizontalPodAutoscaler path, or null for any other path.</summary>
    public static string? V2Path(string path) =>
        path.StartsWith(Prefix, StringComparison.Ordinal) && path.TrimEnd('/').EndsWith("/horizontalpodautoscalers", StringComparison.Ordinal)
            ? "/apis/autoscaling/v2/" + path[Prefix.Length..]
            : null;

    public static JsonObject ToV2(JsonObject v1)
    {
        if (v1["kind"] is JsonValue kind && (string?)kind != "HorizontalPodAutoscaler" || v1["apiVersion"] is JsonValue version && (string?)version != "autoscaling/v1")
            throw ApiError.BadRequest($"the API version in the data ({v1["apiVersion"]}) does not match the expected API version (autoscaling/v1) or the kind \"{v1["kind"]}\" is not \"HorizontalPodAutoscaler\"");
        var spec = v1["spec"] as JsonObject ?? new JsonObject();
        var v2Spec = new JsonObject
        {
            ["scaleTargetRef"] = spec["scaleTargetRef"]?.DeepClone(),
            ["minReplicas"] = spec["minReplicas"]?.DeepClone(),
            ["maxReplicas"] = spec["maxReplicas"]?.DeepClone(),
        };
        if (spec["targetCPUUtilizationPercentage"] is { } percent)
            v2Spec["metrics"] = new JsonArray(CpuMetric("target", new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = percent.DeepClone() }));
        return new JsonObject
        {
            ["kind"] = "HorizontalPodAutoscaler",
            ["apiVersion"] = "autoscaling/v2",
            ["metadata"] = v1["metadata"]?.DeepClone(),
            ["spec"] = Pruned(v2Spec),
        };
    }

    public static JsonObject ToV1(JsonObject v2)
    {
        var spec = v2["spec"] as JsonObject ?? new JsonObject();
        var status = v2["status"] as JsonObject ?? new JsonObject();
        return new JsonObject
        {
            ["kind"] = "HorizontalPodAutoscaler",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = v2["metadata"]?.DeepClone(),
            ["spec"] = Pruned(new JsonObject
            {
                ["scaleTargetRef"] = spec["scaleTargetRef"]?.DeepClone(),
                ["minReplicas"] = spec["minReplicas"]?.DeepClone(),
                ["maxReplicas"] = spec["maxReplicas"]?.DeepClone(),
                ["targetCPUUtilizationPercentage"] = Cpu(spec["metrics"], "target")?.DeepClone(),
            }),
            ["status"] = Pruned(new JsonObject
            {
                ["observedGeneration"] = status["observedGeneration"]?.DeepClone(),
                ["lastScaleTime"] = status["lastScaleTime"]?.DeepClone(),
                ["currentReplicas"] = status["currentReplicas"]?.DeepClone() ?? 0,
                ["desiredReplicas"] = status["desiredReplicas"]?.DeepClone() ?? 0,
                ["currentCPUUtilizationPercentage"] = Cpu(status["currentMetrics"], "current")?.DeepClone(),
            }),
        };
    }

    private static JsonObject CpuMetric(string field, JsonObject value) => new()
    {
        ["type"] = "Resource",
        ["resource"] = new JsonObject { ["name"] = "cpu", [field] = value },
    };

    /// <summary>The average CPU utilization of a v2 metric list (spec's targets or status's current values).</summary>
    private static JsonNode? Cpu(JsonNode? metrics, string field) =>
        (metrics as JsonArray)?.OfType<JsonObject>()
            .Where(m => (string?)m["type"] == "Resource" && (string?)m["resource"]?["name"] == "cpu")
            .Select(m => m["resource"]?[field]?["averageUtilization"])
            .FirstOrDefault(u => u is not null);

    private static JsonObject Pruned(JsonObject json)
    {
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(name);
        return json;
    }
}
