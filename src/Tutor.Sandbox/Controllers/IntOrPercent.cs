using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers;

/// <summary>maxSurge / maxUnavailable: a count or a percentage of the desired replicas.</summary>
public static class IntOrPercent
{
    public static int Resolve(JsonNode? value, int total, bool roundUp, int fallback)
    {
        if (Meta.IntOrNull(value) is { } count) return count;
        if (value is JsonValue s && s.TryGetValue<string>(out var text) && text.EndsWith('%') && int.TryParse(text[..^1], out var percent))
        {
            var exact = total * percent / 100.0;
            return roundUp ? (int)Math.Ceiling(exact) : (int)Math.Floor(exact);
        }

        return fallback;
    }
}
