using System.Net;

namespace Tutor.Core.Cluster;

/// <summary>
/// Decides whether a context looks like a throwaway cluster on the learner's own machine. Anything else
/// (a shared or cloud cluster) needs an explicit confirmation before Tutor applies to it.
/// </summary>
public static class ContextSafety
{
    private static readonly string[] LocalContextNames = ["minikube", "docker-desktop", "docker-for-desktop", "rancher-desktop", "tutor-sandbox"];
    private static readonly string[] LocalContextPrefixes = ["kind-", "k3d-"];
    private static readonly string[] LocalHostNames = ["localhost", "host.docker.internal", "kubernetes.docker.internal"];

    public static bool LooksLocal(string? contextName, string? serverUrl) =>
        IsLocalContextName(contextName) || IsLoopbackServer(serverUrl);

    public static bool IsLocalContextName(string? contextName)
    {
        if (string.IsNullOrWhiteSpace(contextName)) return false;
        var name = contextName.Trim().ToLowerInvariant();
        return LocalContextNames.Contains(name) || LocalContextPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal) && name.Length > p.Length);
    }

    public static bool IsLoopbackServer(string? serverUrl)
    {
        if (string.IsNullOrWhiteSpace(serverUrl)) return false;
        if (!Uri.TryCreate(serverUrl.Trim(), UriKind.Absolute, out var uri)) return false;
        var host = uri.IdnHost.Trim('[', ']').ToLowerInvariant();
        if (LocalHostNames.Contains(host) || host.EndsWith(".localhost", StringComparison.Ordinal)) return true;
        // 127.0.0.0/8 and ::1 are loopback; IPAddress.IsLoopback covers both and IPv4-mapped forms.
        return IPAddress.TryParse(host, out var address) && (IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4())));
    }
}
