using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using k8s.KubeConfigModels;

namespace Tutor.Core.Classroom;

/// <summary>
/// A learner's kubeconfig: the instructor's server and authority, the learner's ServiceAccount token and their
/// namespace as the context's default. Tokens from the TokenRequest API are opaque on some clusters, so the
/// expiry is written in a comment line that provision reads back to decide whether the token needs renewing.
/// </summary>
public static partial class LearnerKubeconfig
{
    public const string ExpiresMarker = "# tutor-token-expires: ";

    public static string FileName(string learner) => $"{learner}.kubeconfig";

    public static string Render(string classroom, string learner, ClusterEndpoint endpoint, string token, DateTimeOffset expires)
    {
        var ns = ClassroomNames.LearnerNamespace(classroom, learner);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Kubernetes access for learner {learner} of classroom {classroom}: namespace {ns} only.\n");
        text.Append(CultureInfo.InvariantCulture, $"{ExpiresMarker}{expires.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        text.Append("apiVersion: v1\nkind: Config\nclusters:\n");
        text.Append(CultureInfo.InvariantCulture, $"- name: {classroom}\n  cluster:\n    server: {Quote(endpoint.Server)}\n");
        if (endpoint.CertificateAuthorityData is { } authority) text.Append(CultureInfo.InvariantCulture, $"    certificate-authority-data: {authority}\n");
        if (endpoint.InsecureSkipTlsVerify) text.Append("    insecure-skip-tls-verify: true\n");
        if (endpoint.TlsServerName is { Length: > 0 } serverName) text.Append(CultureInfo.InvariantCulture, $"    tls-server-name: {Quote(serverName)}\n");
        text.Append(CultureInfo.InvariantCulture, $"contexts:\n- name: {ns}\n  context:\n    cluster: {classroom}\n    user: {ns}\n    namespace: {ns}\n");
        text.Append(CultureInfo.InvariantCulture, $"current-context: {ns}\nusers:\n- name: {ns}\n  user:\n    token: {Quote(token)}\n");
        return text.ToString();
    }

    /// <summary>What an existing file says: its server, default namespace and token expiry; null parts when it does not say.</summary>
    public static (string? Server, string? Namespace, DateTimeOffset? Expires) Read(string text)
    {
        DateTimeOffset? expires = null;
        if (ExpiresLine().Match(text) is { Success: true } match
            && DateTimeOffset.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            expires = parsed;
        }

        try
        {
            var config = new YamlDotNet.Serialization.DeserializerBuilder().IgnoreUnmatchedProperties().Build().Deserialize<K8SConfiguration>(text);
            var context = config?.Contexts?.FirstOrDefault(c => c.Name == config.CurrentContext);
            var cluster = config?.Clusters?.FirstOrDefault(c => c.Name == context?.ContextDetails?.Cluster);
            return (cluster?.ClusterEndpoint?.Server, context?.ContextDetails?.Namespace, expires);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return (null, null, expires);
        }
    }

    // Double-quoted YAML keeps URLs and tokens literal whatever characters they hold.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex(@"^# tutor-token-expires: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpiresLine();
}
