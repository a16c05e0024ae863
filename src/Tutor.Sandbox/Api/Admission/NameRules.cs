using System.Text.RegularExpressions;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>The name formats of Kubernetes: DNS-1123 labels (namespaces, services) and subdomains (most objects).</summary>
public static partial class NameRules
{
    /// <summary>The name format of <paramref name="type"/>: Services are DNS-1035 labels, namespaces DNS-1123 labels, the rest subdomains.</summary>
    public static string? ProblemFor(ResourceType type, string name) =>
        type == ResourceTypes.Service ? ServiceNameProblem(name)
        : type == ResourceTypes.Namespace ? LabelProblem(name)
        : SubdomainProblem(name);

    public static string? ServiceNameProblem(string name) =>
        name.Length > 63 ? "must be no more than 63 characters"
        : Dns1035().IsMatch(name) ? null
        : "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    public static string? LabelProblem(string name) =>
        name.Length > 63 ? "must be no more than 63 characters"
        : Label().IsMatch(name) ? null
        : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    public static string? SubdomainProblem(string name) =>
        name.Length > 253 ? "must be no more than 253 characters"
        : Subdomain().IsMatch(name) ? null
        : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
