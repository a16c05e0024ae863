using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Decides what a container would do on a real node, from its image's profile and its command: servers run;
/// a shell command runs as long as it loops or sleeps long, otherwise exits (with the code an <c>exit N</c> or
/// <c>false</c> gives); an app missing a required variable or Service exits 1; a wait loop on
/// <c>nslookup</c>/<c>nc -z</c>/<c>pg_isready -h</c> waits until that host resolves (a Service exists, or a
/// StatefulSet Pod named through its headless Service is ready); a client the image ships runs as
/// <see cref="ClientBehaviour"/> says.
/// </summary>
public static partial class ContainerBehaviour
{
    public static ContainerOutcome Decide(JsonObject container, ImageProfile profile, string ns, ObjectStore store)
    {
        // A client the image ships (psql) is not its server: the server's own requirements do not apply.
        if (profile.Client is { } client && ClientBehaviour.Program(container, client) is { } program)
            return ClientBehaviour.Decide(program, container, client, ns, store);

        foreach (var group in profile.RequiresEnv)
        {
            var names = EnvNames(container, ns, store);
            if (!group.Any(names.Contains))
                return new ContainerOutcome(ContainerOutcomeKind.Exits, 1, TimeSpan.FromSeconds(1),
                    $"Error: the container needs one of the environment variables {string.Join(", ", group)}, and none is set");
        }

        foreach (var service in profile.RequiresServices)
            if (!ServiceExists(service, ns, store))
                return new ContainerOutcome(ContainerOutcomeKind.Exits, 1, TimeSpan.FromSeconds(2), $"Error: cannot resolve host \"{service}\" (no such Service)");

        var script = string.Join(' ', Strings(container["command"]).Concat(Strings(container["args"])));
        if (!profile.Shell) return ContainerOutcome.Runs;
        if (script.Length == 0) return new ContainerOutcome(ContainerOutcomeKind.Exits, 0, TimeSpan.Zero, "the image's shell exits at once: it has no command to run");

        var hosts = WaitHosts().Matches(script).Select(m => m.Groups["host"].Value).Distinct().ToList();
        var waiting = hosts.Where(h => ClusterDns.Resolve(h, ns, store) is null).ToList();
        if (waiting.Count > 0 && LoopWord().IsMatch(script)) return new ContainerOutcome(ContainerOutcomeKind.WaitsForHosts, Hosts: waiting);

        if (Forever().IsMatch(script)) return ContainerOutcome.Runs;
        var sleep = Sleep().Matches(script).Select(m => int.Parse(m.Groups["s"].Value)).DefaultIfEmpty(0).Sum();
        if (sleep >= 600) return ContainerOutcome.Runs;
        var code = ExitCode().Match(script) is { Success: true } exit ? int.Parse(exit.Groups["code"].Value)
            : False().IsMatch(script) || waiting.Count > 0 ? 1 : 0;
        return new ContainerOutcome(ContainerOutcomeKind.Exits, code, TimeSpan.FromSeconds(Math.Min(sleep, 30)));
    }

    /// <summary>Why the container cannot be created from its env references, or null when they all resolve.</summary>
    public static string? ConfigProblem(JsonObject container, string ns, ObjectStore store)
    {
        foreach (var env in (container["env"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (env["valueFrom"] is not JsonObject from) continue;
            foreach (var (field, type, label) in new[] { ("configMapKeyRef", ResourceTypes.ConfigMap, "configmap"), ("secretKeyRef", ResourceTypes.Secret, "secret") })
            {
                if (from[field] is not JsonObject reference || reference["optional"]?.GetValue<bool>() == true) continue;
                var name = reference["name"]?.GetValue<string>() ?? "";
                var key = reference["key"]?.GetValue<string>() ?? "";
                var obj = store.Get(new ObjectKey(type, ns, name));
                if (obj is null) return $"{label} \"{name}\" not found";
                if (obj["data"]?[key] is null && obj["stringData"]?[key] is null)
                    return $"couldn't find key {key} in {(type == ResourceTypes.Secret ? "Secret" : "ConfigMap")} {ns}/{name}";
            }
        }

        foreach (var source in (container["envFrom"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            foreach (var (field, type, label) in new[] { ("configMapRef", ResourceTypes.ConfigMap, "configmap"), ("secretRef", ResourceTypes.Secret, "secret") })
            {
                if (source[field] is not JsonObject reference || reference["optional"]?.GetValue<bool>() == true) continue;
                var name = reference["name"]?.GetValue<string>() ?? "";
                if (store.Get(new ObjectKey(type, ns, name)) is null) return $"{label} \"{name}\" not found";
            }
        }

        return null;
    }

    private static HashSet<string> EnvNames(JsonObject container, string ns, ObjectStore store)
    {
        var names = ((container["env"] as JsonArray)?.OfType<JsonObject>() ?? []).Select(e => e["name"]?.GetValue<string>() ?? "").ToHashSet();
        foreach (var source in (container["envFrom"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var prefix = source["prefix"]?.GetValue<string>() ?? "";
            var (type, reference) = source["configMapRef"] is JsonObject c ? (ResourceTypes.ConfigMap, c) : (ResourceTypes.Secret, source["secretRef"] as JsonObject);
            if (reference?["name"]?.GetValue<string>() is not { } name) continue;
            if (store.Get(new ObjectKey(type, ns, name))?["data"] is JsonObject data)
                foreach (var (key, _) in data) names.Add(prefix + key);
        }

        return names;
    }

    /// <summary>Whether a host name (<c>db</c>, <c>db.shop</c>, <c>db.shop.svc.cluster.local</c>) names an existing Service.</summary>
    public static bool ServiceExists(string host, string ns, ObjectStore store)
    {
        var parts = host.Split('.');
        var serviceNs = parts.Length >= 2 && parts[1] != "svc" ? parts[1] : ns;
        return store.Get(new ObjectKey(ResourceTypes.Service, serviceNs, parts[0])) is not null;
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(v => v?.GetValue<string>() ?? "") : [];

    [GeneratedRegex(@"(?:nslookup|nc\s+(?:-\w+\s+)*-z(?:\s+-\w+)*|pg_isready\s+(?:-\w+\s+\S+\s+)*-h)\s+(?<host>[a-z0-9][a-z0-9.-]*)")]
    private static partial Regex WaitHosts();

    [GeneratedRegex(@"\b(until|while)\b")]
    private static partial Regex LoopWord();

    [GeneratedRegex(@"sleep\s+infinity|tail\s+-f|while\s+(true|:)\s*;\s*do(?![^;]*\b(exit|break)\b)")]
    private static partial Regex Forever();

    [GeneratedRegex(@"\bsleep\s+(?<s>\d+)")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"\bexit\s+(?<code>\d+)")]
    private static partial Regex ExitCode();

    [GeneratedRegex(@"(^|[;&|\s])false(\s|;|$)")]
    private static partial Regex False();
}
