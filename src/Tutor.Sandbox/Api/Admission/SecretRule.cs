using System.Text;
using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>Secrets and ConfigMaps: string values; a Secret's stringData folds into base64 data.</summary>
public sealed class SecretRule : IAdmissionRule
{
    public bool AppliesTo(ResourceType type) => type == ResourceTypes.Secret || type == ResourceTypes.ConfigMap;

    public void Default(JsonObject obj, JsonObject? old)
    {
        if (Json.Text(obj["kind"]) != "Secret") return;
        Json.Default(obj, "type", "Opaque");
        if (obj["stringData"] is JsonObject plain)
        {
            var data = Json.Object(obj, "data");
            foreach (var (key, value) in plain)
                if (Json.Text(value) is { } text) data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            obj.Remove("stringData");
        }
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        if (old?["immutable"] is JsonValue locked && locked.TryGetValue<bool>(out var wasImmutable) && wasImmutable)
        {
            if (!(obj["immutable"] is JsonValue now && now.TryGetValue<bool>(out var still) && still))
                causes.Add(new FieldCause("immutable", "Forbidden: field is immutable when `immutable` is set", "FieldValueForbidden"));
            foreach (var field in new[] { "data", "binaryData" })
                if (!JsonNode.DeepEquals(old[field], obj[field]))
                    causes.Add(new FieldCause(field, "Forbidden: field is immutable when `immutable` is set", "FieldValueForbidden"));
        }

        foreach (var field in new[] { "data", "binaryData" })
        {
            if (obj[field] is not JsonObject map) continue;
            foreach (var (key, value) in map)
            {
                if (Json.Text(value) is not { } text)
                    causes.Add(new FieldCause($"{field}[{key}]", "Invalid value: must be a string"));
                else if (Json.Text(obj["kind"]) == "Secret" && field == "data" && !IsBase64(text))
                    causes.Add(new FieldCause($"data[{key}]", "Invalid value: illegal base64 data"));
            }
        }
    }

    private static bool IsBase64(string text)
    {
        Span<byte> buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
