using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Patching;

/// <summary>
/// Which lists merge element by element (and on which key) in strategic merge patches and server-side
/// apply, as the Kubernetes schemas declare them for the fields lessons use. Other lists are atomic.
/// </summary>
public static class ListMergeKeys
{
    private static readonly Dictionary<string, string> ByField = new()
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["imagePullSecrets"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["finalizers"] = "",
    };

    /// <summary>The merge key of the list held in <paramref name="field"/>, or null when the list is atomic.</summary>
    public static string? For(string field, JsonArray sample)
    {
        if (field == "ports")
        {
            // Container ports merge on containerPort, Service ports on port.
            var first = sample.OfType<JsonObject>().FirstOrDefault();
            return first?.ContainsKey("containerPort") == true ? "containerPort" : first?.ContainsKey("port") == true ? "port" : null;
        }

        return ByField.TryGetValue(field, out var key) && key.Length > 0 ? key : null;
    }

    public static string? KeyOf(JsonNode? element, string key) => element?[key]?.ToJsonString();
}
