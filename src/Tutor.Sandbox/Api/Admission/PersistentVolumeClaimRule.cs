using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>
/// PersistentVolumeClaims: the spec is fixed at creation, except that a bound claim may ask for more storage
/// (or another volume attributes class), and a claim without a volume may be given one.
/// </summary>
public sealed class PersistentVolumeClaimRule : IAdmissionRule
{

    public bool AppliesTo(ResourceType type) => type == ResourceTypes.PersistentVolumeClaim;

    public void Default(JsonObject obj, JsonObject? old) { }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        if (old is null) return;
        var bound = Json.Text(old["status"]?["phase"]) == "Bound";
        var before = old["spec"] as JsonObject;
        var after = obj["spec"] as JsonObject;
        var mutable = new List<string>();
        if (bound) mutable.AddRange(["resources", "volumeAttributesClassName"]);
        if (string.IsNullOrEmpty(Json.Text(before?["volumeName"]))) mutable.Add("volumeName");
        var keys = (before?.Select(kv => kv.Key) ?? []).Union(after?.Select(kv => kv.Key) ?? []).Except(mutable);
        var limitsChanged = bound && !JsonNode.DeepEquals(before?["resources"]?["limits"], after?["resources"]?["limits"]);
        if (limitsChanged || keys.Any(k => !JsonNode.DeepEquals(before?[k], after?[k])))
            causes.Add(new FieldCause("spec", "Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims", "FieldValueForbidden"));
    }
}
