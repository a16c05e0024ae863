using System.Text;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api;

/// <summary>
/// What <c>kubectl logs</c> gets from the sandbox. Nothing really runs, so there is no program output; instead
/// the log says so, and tells what the simulated container did — which is what a learner reads logs for.
/// </summary>
public static class PodLog
{
    public static string For(JsonObject pod, string? container, bool previous)
    {
        var statuses = (pod["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var specs = (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var name = container ?? specs.FirstOrDefault()?["name"]?.GetValue<string>();
        if (name is null || specs.All(c => c["name"]?.GetValue<string>() != name))
            throw ApiError.BadRequest($"container {name} is not valid for pod {pod["metadata"]?["name"]?.GetValue<string>()}");
        var status = statuses.FirstOrDefault(s => s["name"]?.GetValue<string>() == name);
        var image = specs.First(c => c["name"]?.GetValue<string>() == name)["image"]?.GetValue<string>();

        var log = new StringBuilder();
        log.AppendLine($"[simulated] Tutor's sandbox runs no real containers, so {name} ({image}) has no program output here.");
        var state = previous ? status?["lastState"] : status?["state"];
        // A kubelet serves a crash-looping container's log from its last run, so kubectl logs shows why it exited.
        if (!previous && state?["waiting"]?["reason"]?.GetValue<string>() == "CrashLoopBackOff" && status?["lastState"]?["terminated"] is not null)
            state = status["lastState"];
        if (state?["terminated"] is JsonObject terminated)
        {
            log.AppendLine($"[simulated] The container exited with code {terminated["exitCode"]} ({terminated["reason"]?.GetValue<string>()}).");
            if (terminated["message"]?.GetValue<string>() is { } message) log.AppendLine(message);
        }
        else if (state?["waiting"] is JsonObject waiting)
        {
            if (previous) throw ApiError.BadRequest($"previous terminated container \"{name}\" in pod \"{pod["metadata"]?["name"]}\" not found");
            throw ApiError.BadRequest($"container \"{name}\" in pod \"{pod["metadata"]?["name"]}\" is waiting to start: {waiting["reason"]?.GetValue<string>()}");
        }
        else if (state?["running"] is JsonObject running)
        {
            log.AppendLine($"[simulated] Running since {running["startedAt"]?.GetValue<string>()}.");
        }
        else if (previous)
        {
            throw ApiError.BadRequest($"previous terminated container \"{name}\" in pod \"{pod["metadata"]?["name"]}\" not found");
        }

        return log.ToString();
    }

    /// <summary>The last <paramref name="lines"/> lines, as <c>kubectl logs --tail</c> asks; all of them when it does not.</summary>
    public static string Tail(string log, int? lines)
    {
        if (lines is not { } n || n < 0) return log;
        var all = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(all.Skip(Math.Max(0, all.Length - n)).Select(line => line + "\n"));
    }
}
