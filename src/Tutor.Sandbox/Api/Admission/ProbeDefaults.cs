using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>The defaults the API server writes into a container's probes, so describe prints <c>timeout=1s period=10s #success=1 #failure=3</c>.</summary>
public static class ProbeDefaults
{
    public static void Apply(JsonObject container)
    {
        foreach (var name in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            if (container[name] is not JsonObject probe) continue;
            Json.Default(probe, "timeoutSeconds", 1);
            Json.Default(probe, "periodSeconds", 10);
            Json.Default(probe, "successThreshold", 1);
            Json.Default(probe, "failureThreshold", 3);
            if (probe["httpGet"] is JsonObject http)
            {
                Json.Default(http, "path", "/");
                Json.Default(http, "scheme", "HTTP");
            }
        }
    }
}
