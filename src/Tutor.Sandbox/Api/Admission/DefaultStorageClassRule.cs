using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>
/// The DefaultStorageClass admission plugin: a new claim that names no class gets the one annotated as the
/// default (the newest, when several are). A claim asking for <c>""</c> keeps it: it wants no class.
/// </summary>
public sealed class DefaultStorageClassRule(ObjectStore store) : IAdmissionRule
{
    private const string DefaultAnnotation = "storageclass.kubernetes.io/is-default-class";

    public bool AppliesTo(ResourceType type) => type == ResourceTypes.PersistentVolumeClaim;

    public void Default(JsonObject obj, JsonObject? old)
    {
        if (old is not null || obj["spec"] is not JsonObject spec || spec["storageClassName"] is not null) return;
        var chosen = store.List(ResourceTypes.StorageClass).Items
            .Where(c => Json.Text(c["metadata"]?["annotations"]?[DefaultAnnotation]) == "true")
            .OrderByDescending(c => Json.Text(c["metadata"]?["creationTimestamp"]), StringComparer.Ordinal)
            .ThenBy(c => Json.Text(c["metadata"]?["name"]), StringComparer.Ordinal)
            .FirstOrDefault();
        if (chosen is not null) spec["storageClassName"] = Json.Text(chosen["metadata"]?["name"]);
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
    }
}
