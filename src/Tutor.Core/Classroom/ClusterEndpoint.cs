using k8s;

namespace Tutor.Core.Classroom;

/// <summary>How a learner reaches the cluster: the instructor's server URL and the authority that signed its certificate.</summary>
/// <param name="CertificateAuthorityData">Base64 of the PEM certificates, as a kubeconfig's certificate-authority-data; null when the system's trust store is used.</param>
public sealed record ClusterEndpoint(string Server, string? CertificateAuthorityData, bool InsecureSkipTlsVerify, string? TlsServerName)
{
    public static ClusterEndpoint From(KubernetesClientConfiguration configuration)
    {
        string? authority = null;
        if (configuration.SslCaCerts is { Count: > 0 } certificates)
        {
            var pem = string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n"));
            authority = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem));
        }

        return new ClusterEndpoint(configuration.Host?.TrimEnd('/') ?? "", authority, configuration.SkipTlsVerify, configuration.TlsServerName);
    }
}
