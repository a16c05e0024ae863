using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// A database client run as a container's command (psql, pg_dump): the sandbox runs no query, so the outcome is
/// what it can see. The host must resolve and answer on the port (a Service with a ready Pod behind it, or a
/// ready StatefulSet Pod by its own name), and every file named with <c>-f</c>/<c>--file</c> must lie on a mounted
/// volume; then the client exits 0, otherwise with the error the real program prints.
/// </summary>
public static class ClientBehaviour
{
    /// <summary>The client program the container runs, or null when it runs something else (the image's server).</summary>
    public static string? Program(JsonObject container, ImageClient client)
    {
        var first = (container["command"] as JsonArray)?.FirstOrDefault()?.GetValue<string>();
        var program = first is null ? null : first[(first.LastIndexOf('/') + 1)..];
        return program is not null && client.Commands.Contains(program) ? program : null;
    }

    public static ContainerOutcome Decide(string program, JsonObject container, ImageClient client, string ns, ObjectStore store)
    {
        var args = Strings(container["command"]).Skip(1).Concat(Strings(container["args"])).ToList();
        var failure = program == "psql" ? 2 : 1;
        var host = Option(args, "-h", "--host") ?? Env(container, client.HostEnv, ns, store);
        var port = int.TryParse(Option(args, "-p", "--port") ?? Env(container, "PGPORT", ns, store), out var p) ? p : client.Port;
        if (string.IsNullOrEmpty(host))
            return Exit(failure, $"{program}: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.{port}\" failed: No such file or directory " +
                $"(no server runs in this container: name the database's Service in {client.HostEnv})");

        if (ClusterDns.Resolve(host, ns, store) is not { } target)
            return Exit(failure, $"{program}: error: could not translate host name \"{host}\" to address: Name or service not known");
        var (service, pod) = target;
        if (pod is null && ClusterDns.IsHeadless(service) && ClusterDns.ReadyAddress(service, null, store) is null)
            return Exit(failure, $"{program}: error: could not translate host name \"{host}\" to address: Name or service not known (no ready Pod behind the headless Service)");
        var ports = ((service["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>() ?? []).Select(s => Meta.Int(s["port"])).ToList();
        if ((pod is null && !ClusterDns.IsHeadless(service) && !ports.Contains(port)) || ClusterDns.ReadyAddress(service, pod, store) is null)
            return Exit(failure, $"{program}: error: connection to server at \"{host}\", port {port} failed: Connection refused");

        var mounts = ((container["volumeMounts"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(m => m["mountPath"]?.GetValue<string>()?.TrimEnd('/') ?? "").Where(m => m.Length > 0).ToList();
        foreach (var file in Files(args))
            if (!mounts.Any(m => file.StartsWith(m + "/", StringComparison.Ordinal)))
                return Exit(failure, program == "pg_dump"
                    ? $"pg_dump: error: could not open output file \"{file}\": No such file or directory"
                    : $"{program}: error: {file}: No such file or directory");

        return new ContainerOutcome(ContainerOutcomeKind.Exits, 0, TimeSpan.FromSeconds(1),
            $"[simulated] {program} reached {host}:{port}. The sandbox runs no database, so the statement itself was not run; on a real cluster its result decides the exit status.");
    }

    private static ContainerOutcome Exit(int code, string message) => new(ContainerOutcomeKind.Exits, code, TimeSpan.FromSeconds(1), message);

    /// <summary>The value of <c>-h VALUE</c>, <c>-hVALUE</c> or <c>--host=VALUE</c>.</summary>
    private static string? Option(List<string> args, string brief, string full)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if ((args[i] == brief || args[i] == full) && i + 1 < args.Count) return args[i + 1];
            if (args[i].StartsWith(full + "=", StringComparison.Ordinal)) return args[i][(full.Length + 1)..];
            if (args[i].StartsWith(brief, StringComparison.Ordinal) && args[i].Length > brief.Length && !args[i].StartsWith("--", StringComparison.Ordinal)) return args[i][brief.Length..];
        }

        return null;
    }

    private static IEnumerable<string> Files(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if ((args[i] is "-f" or "--file") && i + 1 < args.Count) yield return args[i + 1];
            else if (args[i].StartsWith("--file=", StringComparison.Ordinal)) yield return args[i]["--file=".Length..];
        }
    }

    /// <summary>A variable's value, written in the spec or taken from a ConfigMap key (Secrets hold no host names).</summary>
    private static string? Env(JsonObject container, string name, string ns, ObjectStore store)
    {
        var entry = ((container["env"] as JsonArray)?.OfType<JsonObject>() ?? []).LastOrDefault(e => e["name"]?.GetValue<string>() == name);
        if (entry?["value"] is JsonValue value) return value.GetValue<string>();
        if (entry?["valueFrom"]?["configMapKeyRef"] is JsonObject reference)
            return store.Get(new ObjectKey(ResourceTypes.ConfigMap, ns, reference["name"]?.GetValue<string>() ?? ""))?["data"]?[reference["key"]?.GetValue<string>() ?? ""]?.GetValue<string>();
        return null;
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(v => v?.GetValue<string>() ?? "") : [];
}
