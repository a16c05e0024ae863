using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using Tutor.Core.Manifests;

namespace Tutor.Core.Tests.Cluster;

/// <summary>Manifest objects and served kinds built by hand, so cluster tests do not depend on the manifest reader.</summary>
internal static class TestManifests
{
    public static readonly ResourceKind Namespace = new("v1", "Namespace");
    public static readonly ResourceKind Deployment = new("apps/v1", "Deployment");
    public static readonly ResourceKind Service = new("v1", "Service");
    public static readonly ResourceKind ClusterRole = new("rbac.authorization.k8s.io/v1", "ClusterRole");

    public static readonly IReadOnlyDictionary<ResourceKind, ApiResource> Served = new Dictionary<ResourceKind, ApiResource>
    {
        [Namespace] = new(Namespace, "namespaces", false, []),
        [Deployment] = new(Deployment, "deployments", true, []),
        [Service] = new(Service, "services", true, []),
        [ClusterRole] = new(ClusterRole, "clusterroles", false, []),
    };

    public static ManifestObject Object(ResourceKind kind, string name, string? @namespace = null, int line = 1, string file = "manifests/x.yaml", JsonObject? extra = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null) metadata["namespace"] = @namespace;
        var body = new JsonObject { ["apiVersion"] = kind.ApiVersion, ["kind"] = kind.Kind, ["metadata"] = metadata };
        foreach (var (key, value) in extra ?? new JsonObject()) body[key] = value?.DeepClone();
        return new ManifestObject(kind, name, @namespace, body, file, line);
    }
}
