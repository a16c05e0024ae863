using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers;

/// <summary>Reading a Pod's status the way controllers count it.</summary>
public static class PodState
{
    public static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True") == true;

    public static string Phase(JsonObject pod) => pod["status"]?["phase"]?.GetValue<string>() ?? "Pending";

    public static bool IsActive(JsonObject pod) => !Meta.IsDeleting(pod) && Phase(pod) is not ("Succeeded" or "Failed");

    public static string? Ip(JsonObject pod) => pod["status"]?["podIP"]?.GetValue<string>();
}
