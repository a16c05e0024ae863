using System.Security.Cryptography.X509Certificates;
using k8s;
using Tutor.Sandbox;

namespace Tutor.Engine;

/// <summary>How a client reaches a sandbox: its URL, its token, and its certificate as the only trusted authority.</summary>
public static class SandboxClient
{
    public static KubernetesClientConfiguration Configuration(SandboxServer server, Uri? url = null, string? token = null) => new()
    {
        Host = (url ?? server.Url).ToString(),
        AccessToken = token ?? server.Token,
        SslCaCerts = new X509Certificate2Collection(server.Certificate),
    };
}
