using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

public sealed class PodRule : IAdmissionRule
{
    public bool AppliesTo(ResourceType type) => type == ResourceTypes.Pod;

    public void Default(JsonObject obj, JsonObject? old)
    {
        if (obj["spec"] is JsonObject spec) PodSpecRules.Default(spec);
        if (old is null) Json.Object(obj, "status")["phase"] = "Pending";
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        PodSpecRules.Validate(obj["spec"] as JsonObject, "spec", causes);
        // A running Pod's containers cannot be swapped for others; only images may change.
        if (old?["spec"]?["containers"] is JsonArray before && obj["spec"]?["containers"] is JsonArray after
            && !before.Select(c => Json.Text(c?["name"])).SequenceEqual(after.Select(c => Json.Text(c?["name"]))))
            causes.Add(new FieldCause("spec", "Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations), `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)", "FieldValueForbidden"));
    }
}
