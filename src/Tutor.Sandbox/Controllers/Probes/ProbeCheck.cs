using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tutor.Sandbox.Controllers.Probes;

/// <summary>
/// What one probe would find against a container, from its image's profile: a port the server does not listen
/// on is refused, a path it does not serve is a 404, a file a shell command removes after sleeping is gone from then on.
/// </summary>
public static partial class ProbeCheck
{
    /// <summary>From how many seconds after the container started the probe fails (null: never; 0: always), and what it reports then.</summary>
    public static (double? FailsFrom, string Message) Of(JsonObject probe, JsonObject container, ImageProfile profile, string ip)
    {
        if (probe["httpGet"] is JsonObject http)
        {
            var port = Port(http["port"], container);
            var path = http["path"]?.GetValue<string>() ?? "/";
            var scheme = (http["scheme"]?.GetValue<string>() ?? "HTTP").ToLowerInvariant();
            if (port is null || !Serves(profile, port.Value))
                return (0, $"Get \"{scheme}://{ip}:{port}{path}\": dial tcp {ip}:{port}: connect: connection refused");
            if (profile.Paths is { } paths && !paths.Contains(path.Split('?')[0])) return (0, "HTTP probe failed with statuscode: 404");
            return (null, "");
        }

        if (probe["tcpSocket"] is JsonObject tcp)
        {
            var port = Port(tcp["port"], container);
            return port is { } p && Serves(profile, p) ? (null, "") : (0, $"dial tcp {ip}:{port}: connect: connection refused");
        }

        if (probe["grpc"] is JsonObject grpc)
        {
            var port = Port(grpc["port"], container);
            return port is { } p && Serves(profile, p) ? (null, "") : (0, $"timeout: failed to connect service \"{ip}:{port}\" within 1s");
        }

        if (probe["exec"] is JsonObject exec) return Exec(exec, container);
        return (null, "");
    }

    private static bool Serves(ImageProfile profile, int port) => profile.Ports?.Contains(port) == true;

    private static int? Port(JsonNode? port, JsonObject container)
    {
        if (port is JsonValue v && v.TryGetValue<string>(out var name))
        {
            if (int.TryParse(name, out var number)) return number;
            var named = (container["ports"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => p["name"]?.GetValue<string>() == name);
            return named is null ? null : Meta.IntOrNull(named["containerPort"]);
        }

        return Meta.IntOrNull(port);
    }

    /// <summary>An exec probe: a check on a file follows the file through the container's own script; <c>false</c> or <c>exit N</c> fails.</summary>
    private static (double? FailsFrom, string Message) Exec(JsonObject exec, JsonObject container)
    {
        var command = string.Join(' ', Strings(exec["command"]));
        if (FileCheck().Match(command) is { Success: true } check)
        {
            var file = check.Groups["file"].Value;
            var missing = $"cat: can't open '{file}': No such file or directory";
            var script = string.Join(' ', Strings(container["command"]).Concat(Strings(container["args"])));
            var created = script.IndexOf($"touch {file}", StringComparison.Ordinal) is var t and >= 0 ? t
                : Regex.Match(script, $@">\s*{Regex.Escape(file)}(\s|;|$)") is { Success: true } m ? m.Index : -1;
            if (created < 0) return file.StartsWith("/tmp/", StringComparison.Ordinal) ? (0, missing) : (null, "");
            var removed = Regex.Match(script[created..], $@"\brm\s+(-\w+\s+)*{Regex.Escape(file)}(\s|;|$)");
            if (!removed.Success) return (null, "");
            var before = script[created..(created + removed.Index)];
            var slept = Sleep().Matches(before).Sum(s => double.Parse(s.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture));
            return (slept, missing);
        }

        if (Failing().IsMatch(command)) return (0, "");
        return (null, "");
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node is JsonArray a ? a.Select(v => v?.GetValue<string>() ?? "") : [];

    [GeneratedRegex(@"\b(?:cat|test\s+-[ef]|ls)\s+(?<file>/\S+)")]
    private static partial Regex FileCheck();

    [GeneratedRegex(@"\bsleep\s+(?<s>\d+(\.\d+)?)")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"(^|[;&|\s])(false|exit\s+[1-9]\d*)(\s|;|$)")]
    private static partial Regex Failing();
}
