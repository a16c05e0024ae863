using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

public sealed class NamespaceRule : IAdmissionRule
{
    public bool AppliesTo(ResourceType type) => type == ResourceTypes.Namespace;

    public void Default(JsonObject obj, JsonObject? old)
    {
        var name = Json.Text(obj["metadata"]?["name"]);
        var labels = Json.Object(Json.Object(obj, "metadata"), "labels");
        if (name is not null) labels["kubernetes.io/metadata.name"] = name;
        Json.Object(obj, "spec")["finalizers"] ??= new JsonArray("kubernetes");
        if (old is null) Json.Object(obj, "status")["phase"] = "Active";
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes) { }
}
