using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>The <c>/scale</c> view of a workload (an <c>autoscaling/v1 Scale</c>), which <c>kubectl scale</c> reads and patches.</summary>
public static class ScaleSubresource
{
    public static bool Supported(ResourceType type) =>
        type == ResourceTypes.Deployment || type == ResourceTypes.ReplicaSet || type == ResourceTypes.StatefulSet;

    public static JsonObject View(JsonObject workload)
    {
        var meta = workload["metadata"]!;
        var labels = workload["spec"]?["selector"]?["matchLabels"] as JsonObject;
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = meta["name"]?.DeepClone(),
                ["namespace"] = meta["namespace"]?.DeepClone(),
                ["uid"] = meta["uid"]?.DeepClone(),
                ["resourceVersion"] = meta["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = meta["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = workload["spec"]?["replicas"]?.DeepClone() ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = workload["status"]?["replicas"]?.DeepClone() ?? 0,
                ["selector"] = labels is null ? "" : string.Join(",", labels.Select(kv => $"{kv.Key}={kv.Value}")),
            },
        };
    }

    /// <summary>The workload with the replica count the Scale asks for.</summary>
    public static JsonObject Into(JsonObject workload, JsonObject scale)
    {
        if (Admission.Json.Integer(scale["spec"]?["replicas"]) is not { } replicas || replicas < 0)
            throw ApiError.Invalid("Scale.autoscaling", workload["metadata"]?["name"]?.GetValue<string>() ?? "", [new FieldCause("spec.replicas", "Invalid value: must be greater than or equal to 0")]);
        var next = (JsonObject)workload.DeepClone();
        next["spec"]!["replicas"] = replicas;
        return next;
    }
}
