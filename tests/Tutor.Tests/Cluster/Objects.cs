using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Manifests;

namespace Tutor.Tests.Cluster;

/// <summary>Manifest objects built by hand so these tests do not depend on the manifest reader.</summary>
internal static class Objects
{
    public static readonly ResourceKind Namespace = new("v1", "Namespace");
    public static readonly ResourceKind ConfigMap = new("v1", "ConfigMap");
    public static readonly ResourceKind Service = new("v1", "Service");
    public static readonly ResourceKind Pod = new("v1", "Pod");
    public static readonly ResourceKind Deployment = new("apps/v1", "Deployment");

    public static ManifestObject LearnerNamespace(int line = 1) => Make(Namespace, "tutor", null, line);

    public static ManifestObject ConfigMapOf(string name, string value = "1", int line = 1, string? @namespace = null) =>
        Make(ConfigMap, name, new JsonObject { ["data"] = new JsonObject { ["value"] = value } }, line, @namespace);

    public static ManifestObject DeploymentOf(string name, int replicas, int line = 1) =>
        Make(Deployment, name, new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject { ["name"] = name, ["image"] = "nginx:1.27" }),
                    },
                },
            },
        }, line);

    public static ManifestObject PodOf(string name, int line = 1) =>
        Make(Pod, name, new JsonObject
        {
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = name, ["image"] = "nginx:1.27" }) },
        }, line);

    public static ManifestObject ServiceOf(string name, int line = 1) =>
        Make(Service, name, new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["app"] = name },
                ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }),
            },
        }, line);

    public static ManifestObject Make(ResourceKind kind, string name, JsonObject? rest, int line, string? @namespace = null, string file = "manifests/test.yaml")
    {
        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null) metadata["namespace"] = @namespace;
        var body = new JsonObject { ["apiVersion"] = kind.ApiVersion, ["kind"] = kind.Kind, ["metadata"] = metadata };
        foreach (var (key, value) in rest ?? new JsonObject()) body[key] = value?.DeepClone();
        return new ManifestObject(kind, name, @namespace, body, file, line);
    }
}
