using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>PodDisruptionBudgets: minAvailable or maxUnavailable, not both, each a count or a percentage.</summary>
public sealed class PodDisruptionBudgetRule : IAdmissionRule
{
    public bool AppliesTo(ResourceType type) => type == ResourceTypes.PodDisruptionBudget;

    public void Default(JsonObject obj, JsonObject? old) { }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        var spec = obj["spec"] as JsonObject;
        if (spec?["minAvailable"] is not null && spec["maxUnavailable"] is not null)
            causes.Add(new FieldCause("spec", "Invalid value: \"\": minAvailable and maxUnavailable cannot be both set"));
        foreach (var field in new[] { "minAvailable", "maxUnavailable" })
            if (spec?[field] is { } value && Problem(value) is { } problem)
                causes.Add(new FieldCause($"spec.{field}", $"Invalid value: {value.ToJsonString()}: {problem}"));
    }

    private static string? Problem(JsonNode value)
    {
        if (Json.Integer(value) is { } count) return count < 0 ? "must be greater than or equal to 0" : null;
        var text = Json.Text(value) ?? "";
        if (!text.EndsWith('%') || !int.TryParse(text[..^1], out var percent)) return "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
        return percent > 100 ? "must not be greater than 100%" : null;
    }
}
