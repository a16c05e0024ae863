using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers.Scheduling;

/// <summary>Whether a Pod's tolerations cover a node's taint.</summary>
public static class Tolerations
{
    public static bool Tolerate(IEnumerable<JsonObject> tolerations, JsonObject taint) => tolerations.Any(t => Covers(t, taint));

    private static bool Covers(JsonObject toleration, JsonObject taint)
    {
        var effect = toleration["effect"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(effect) && effect != taint["effect"]?.GetValue<string>()) return false;
        var key = toleration["key"]?.GetValue<string>();
        var exists = toleration["operator"]?.GetValue<string>() == "Exists";
        // An empty key with Exists tolerates every taint.
        if (string.IsNullOrEmpty(key)) return exists;
        if (key != taint["key"]?.GetValue<string>()) return false;
        return exists || (toleration["value"]?.GetValue<string>() ?? "") == (taint["value"]?.GetValue<string>() ?? "");
    }
}
