using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>Deployments, ReplicaSets, StatefulSets, DaemonSets: a selector that matches the template, and an immutable selector.</summary>
public sealed class WorkloadRule : IAdmissionRule
{
    public bool AppliesTo(ResourceType type) =>
        type == ResourceTypes.Deployment || type == ResourceTypes.ReplicaSet || type == ResourceTypes.StatefulSet || type == ResourceTypes.DaemonSet;

    private static readonly string[] StatefulSetMutable = ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "revisionHistoryLimit"];

    public void Default(JsonObject obj, JsonObject? old)
    {
        if (obj["spec"] is not JsonObject spec) return;
        var kind = Json.Text(obj["kind"]);
        if (kind != "DaemonSet") Json.Default(spec, "replicas", 1);
        Json.Default(spec, "revisionHistoryLimit", 10);
        if (kind == "Deployment")
        {
            Json.Default(spec, "progressDeadlineSeconds", 600);
            var strategy = Json.Object(spec, "strategy");
            Json.Default(strategy, "type", "RollingUpdate");
            if (Json.Text(strategy["type"]) == "RollingUpdate")
            {
                var rolling = Json.Object(strategy, "rollingUpdate");
                Json.Default(rolling, "maxSurge", "25%");
                Json.Default(rolling, "maxUnavailable", "25%");
            }
        }
        else if (kind == "StatefulSet")
        {
            Json.Default(spec, "podManagementPolicy", "OrderedReady");
            Json.Default(spec, "updateStrategy", new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["partition"] = 0 } });
        }
        else if (kind == "DaemonSet")
        {
            Json.Default(spec, "updateStrategy", new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = 1, ["maxSurge"] = 0 } });
        }

        if (spec["template"]?["spec"] is JsonObject podSpec) PodSpecRules.Default(podSpec);
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        var spec = obj["spec"] as JsonObject;
        var selector = spec?["selector"] as JsonObject;
        if (selector is null || (selector["matchLabels"] is not JsonObject { Count: > 0 } && selector["matchExpressions"] is not JsonArray { Count: > 0 }))
        {
            causes.Add(FieldCause.Required("spec.selector"));
        }
        else
        {
            var labels = spec?["template"]?["metadata"]?["labels"] as JsonObject;
            if (selector["matchLabels"] is JsonObject match)
            {
                foreach (var (key, value) in match)
                {
                    if (!JsonNode.DeepEquals(labels?[key], value))
                    {
                        causes.Add(new FieldCause("spec.template.metadata.labels",
                            $"Invalid value: {labels?.ToJsonString() ?? "null"}: `selector` does not match template `labels`"));
                        break;
                    }
                }
            }
        }

        if (old is not null && !JsonNode.DeepEquals(old["spec"]?["selector"], selector) && Json.Text(obj["kind"]) != "ReplicaSet")
            causes.Add(new FieldCause("spec.selector", $"Invalid value: {selector?.ToJsonString() ?? "null"}: field is immutable"));

        if (old is not null && Json.Text(obj["kind"]) == "StatefulSet" && ChangedBeyond(old["spec"] as JsonObject, spec, StatefulSetMutable))
            causes.Add(new FieldCause("spec", "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden", "FieldValueForbidden"));

        if (Json.Integer(spec?["replicas"]) is { } replicas && replicas < 0)
            causes.Add(new FieldCause("spec.replicas", $"Invalid value: {replicas}: must be greater than or equal to 0"));

        PodSpecRules.Validate(spec?["template"]?["spec"] as JsonObject, "spec.template.spec", causes);
    }

    private static bool ChangedBeyond(JsonObject? before, JsonObject? after, string[] mutable)
    {
        var keys = (before?.Select(kv => kv.Key) ?? []).Union(after?.Select(kv => kv.Key) ?? []).Except(mutable);
        return keys.Any(k => !JsonNode.DeepEquals(before?[k], after?[k]));
    }
}
