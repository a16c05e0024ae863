using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>HorizontalPodAutoscalers (autoscaling/v2): a target to scale, sane bounds, well-formed metrics.</summary>
public sealed class HorizontalPodAutoscalerRule : IAdmissionRule
{
    private static readonly string[] MetricTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"];
    private static readonly string[] TargetTypes = ["AverageValue", "Utilization", "Value"];

    public bool AppliesTo(ResourceType type) => type == ResourceTypes.HorizontalPodAutoscaler;

    public void Default(JsonObject obj, JsonObject? old)
    {
        if (obj["spec"] is not JsonObject spec) return;
        Json.Default(spec, "minReplicas", 1);
        // As the API server: no metrics means 80% average CPU utilization.
        if (spec["metrics"] is not JsonArray { Count: > 0 })
            spec["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject { ["name"] = "cpu", ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 80 } },
            });
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        var spec = obj["spec"] as JsonObject;
        var target = spec?["scaleTargetRef"] as JsonObject;
        if (string.IsNullOrEmpty(Json.Text(target?["kind"]))) causes.Add(FieldCause.Required("spec.scaleTargetRef.kind"));
        if (string.IsNullOrEmpty(Json.Text(target?["name"]))) causes.Add(FieldCause.Required("spec.scaleTargetRef.name"));
        var max = Json.Integer(spec?["maxReplicas"]) ?? 0;
        var min = Json.Integer(spec?["minReplicas"]) ?? 1;
        if (max < 1) causes.Add(new FieldCause("spec.maxReplicas", $"Invalid value: {max}: must be greater than 0"));
        if (min < 1) causes.Add(new FieldCause("spec.minReplicas", $"Invalid value: {min}: must be greater than or equal to 1"));
        else if (max >= 1 && min > max) causes.Add(new FieldCause("spec.minReplicas", $"Invalid value: {min}: must be less than or equal to maxReplicas"));

        var i = 0;
        foreach (var metric in Json.Objects(spec?["metrics"]))
        {
            var at = $"spec.metrics[{i++}]";
            var type = Json.Text(metric["type"]);
            if (type is null)
            {
                causes.Add(new FieldCause($"{at}.type", "Required value: must specify a metric source type", "FieldValueRequired"));
                continue;
            }

            if (!MetricTypes.Contains(type))
            {
                causes.Add(FieldCause.NotSupported($"{at}.type", type, MetricTypes));
                continue;
            }

            var field = char.ToLowerInvariant(type[0]) + type[1..];
            if (metric[field] is not JsonObject source)
            {
                causes.Add(new FieldCause($"{at}.{field}", "Required value: must populate information for the given metric source", "FieldValueRequired"));
                continue;
            }

            if (type is "Resource" or "ContainerResource" && string.IsNullOrEmpty(Json.Text(source["name"])))
                causes.Add(FieldCause.Required($"{at}.{field}.name"));
            Target(source["target"] as JsonObject, $"{at}.{field}.target", causes);
        }
    }

    private static void Target(JsonObject? target, string at, List<FieldCause> causes)
    {
        var type = Json.Text(target?["type"]);
        if (type is null)
        {
            causes.Add(new FieldCause($"{at}.type", "Required value: must specify a metric target type", "FieldValueRequired"));
            return;
        }

        if (!TargetTypes.Contains(type)) causes.Add(FieldCause.NotSupported($"{at}.type", type, TargetTypes));
        else if (type == "Utilization" && Json.Integer(target!["averageUtilization"]) is not { } utilization)
            causes.Add(new FieldCause($"{at}.averageUtilization", "Required value: must set either a target raw value or a target utilization", "FieldValueRequired"));
        else if (type == "Utilization" && Json.Integer(target!["averageUtilization"]) is < 1)
            causes.Add(new FieldCause($"{at}.averageUtilization", $"Invalid value: {Json.Integer(target["averageUtilization"])}: must be greater than 0"));
        else if (type == "Value" && target!["value"] is null)
            causes.Add(new FieldCause($"{at}.value", "Required value: must set either a target raw value or a target utilization", "FieldValueRequired"));
        else if (type == "AverageValue" && target!["averageValue"] is null)
            causes.Add(new FieldCause($"{at}.averageValue", "Required value: must set either a target raw value or a target utilization", "FieldValueRequired"));
    }
}
