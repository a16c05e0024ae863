using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>The discovery documents kubectl and clients read to learn which kinds the server serves and where.</summary>
public static class Discovery
{
    public const string GitVersion = "v1.32.0-sandbox";

    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>Stored kinds and the create-only review kinds.</summary>
    private static IEnumerable<ResourceType> Served => ResourceTypes.All.Concat(ReviewResources.All);

    /// <summary>Kinds whose status is written only through the /status subresource.</summary>
    public static bool HasStatus(ResourceType type) =>
        type != ResourceTypes.ConfigMap && type != ResourceTypes.Secret && type != ResourceTypes.ServiceAccount
        && type != ResourceTypes.Event && type != ResourceTypes.Endpoints && type != ResourceTypes.EndpointSlice && type != ResourceTypes.LimitRange
        && type != ResourceTypes.StorageClass && type != ResourceTypes.Lease && type.Group != "rbac.authorization.k8s.io";

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1" }),
    };

    public static JsonObject Groups()
    {
        var groups = new JsonArray();
        foreach (var group in Served.Where(t => t.Group.Length > 0).GroupBy(t => t.Group))
        {
            var versions = group.Select(t => t.Version).Distinct().ToList();
            groups.Add(new JsonObject
            {
                ["name"] = group.Key,
                ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(group.Key, v)).ToArray()),
                ["preferredVersion"] = GroupVersion(group.Key, versions[0]),
            });
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject? Group(string group)
    {
        var versions = Served.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();
        if (versions.Count == 0) return null;
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(group, v)).ToArray()),
            ["preferredVersion"] = GroupVersion(group, versions[0]),
        };
    }

    /// <summary>The APIResourceList of one group-version, or null when the server does not serve it.</summary>
    public static JsonObject? Resources(string group, string version)
    {
        var types = Served.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0) return null;
        var resources = new JsonArray();
        foreach (var type in types)
        {
            var entry = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray((ReviewResources.Contains(type) ? ["create"] : Verbs).Select(v => (JsonNode)v).ToArray()),
            };
            if (type.ShortNames is { Length: > 0 } shortNames) entry["shortNames"] = new JsonArray(shortNames.Select(s => (JsonNode)s).ToArray());
            if (type.Group == "apps" || type.Kind is "Pod" or "Service" or "Deployment") entry["categories"] = new JsonArray("all");
            resources.Add(entry);
            if (type == ResourceTypes.Pod)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = "pods/log",
                    ["singularName"] = "",
                    ["namespaced"] = true,
                    ["kind"] = "Pod",
                    ["verbs"] = new JsonArray("get"),
                });
            }

            if (type == ResourceTypes.ServiceAccount)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = "serviceaccounts/token",
                    ["singularName"] = "",
                    ["namespaced"] = true,
                    ["group"] = "authentication.k8s.io",
                    ["version"] = "v1",
                    ["kind"] = "TokenRequest",
                    ["verbs"] = new JsonArray("create"),
                });
            }

            if (ScaleSubresource.Supported(type))
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/scale",
                    ["singularName"] = "",
                    ["namespaced"] = true,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }

            if (HasStatus(type) && !ReviewResources.Contains(type))
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject GroupVersion(string group, string version) => new()
    {
        ["groupVersion"] = $"{group}/{version}",
        ["version"] = version,
    };
}
