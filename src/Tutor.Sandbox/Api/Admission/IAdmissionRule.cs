using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>What the API server itself does to one kind on every write: fill defaults, then validate.</summary>
public interface IAdmissionRule
{
    bool AppliesTo(ResourceType type);

    /// <summary>Fills defaults into <paramref name="obj"/>; <paramref name="old"/> is the stored object on update, null on create.</summary>
    void Default(JsonObject obj, JsonObject? old);

    void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes);
}
