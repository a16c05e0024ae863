using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>
/// Services: defaults, and the cluster IP and node ports the API server allocates (from 10.96.0.0/16 and
/// 30000–32767, never one a live Service holds), kept on update and immutable once set.
/// </summary>
public sealed class ServiceRule(ObjectStore store) : IAdmissionRule
{
    private static readonly string[] Types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
    private readonly object _allocation = new();

    public bool AppliesTo(ResourceType type) => type == ResourceTypes.Service;

    public void Default(JsonObject obj, JsonObject? old)
    {
        var spec = Json.Object(obj, "spec");
        Json.Default(spec, "type", "ClusterIP");
        Json.Default(spec, "sessionAffinity", "None");
        var type = Json.Text(spec["type"]);
        if (type != "ExternalName")
        {
            Json.Default(spec, "internalTrafficPolicy", "Cluster");
            Json.Default(spec, "ipFamilies", new JsonArray("IPv4"));
            Json.Default(spec, "ipFamilyPolicy", "SingleStack");
        }

        if (type is "NodePort" or "LoadBalancer") Json.Default(spec, "externalTrafficPolicy", "Cluster");
        foreach (var port in Json.Objects(spec["ports"]))
        {
            Json.Default(port, "protocol", "TCP");
            if (port["port"] is { } number) Json.Default(port, "targetPort", number.DeepClone());
        }

        var oldSpec = old?["spec"] as JsonObject;
        if (spec["clusterIP"] is null && Json.Text(oldSpec?["clusterIP"]) is { } kept) spec["clusterIP"] = kept;
        if (oldSpec is not null && type is "NodePort" or "LoadBalancer")
        {
            foreach (var port in Json.Objects(spec["ports"]))
            {
                if (port["nodePort"] is not null) continue;
                var before = Json.Objects(oldSpec["ports"]).FirstOrDefault(p => JsonNode.DeepEquals(p["port"], port["port"]));
                if (before?["nodePort"] is { } nodePort) port["nodePort"] = nodePort.DeepClone();
            }
        }

        if (type == "LoadBalancer" && old is null) Json.Object(Json.Object(obj, "status"), "loadBalancer");
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        var spec = obj["spec"] as JsonObject ?? new JsonObject();
        var type = Json.Text(spec["type"]) ?? "ClusterIP";
        if (!Types.Contains(type)) causes.Add(FieldCause.NotSupported("spec.type", type, Types));
        if (type != "ExternalName" && spec["ports"] is not JsonArray { Count: > 0 }) causes.Add(FieldCause.Required("spec.ports"));
        if (type == "ExternalName")
        {
            var external = Json.Text(spec["externalName"]);
            if (string.IsNullOrEmpty(external)) causes.Add(FieldCause.Required("spec.externalName"));
            else if (NameRules.SubdomainProblem(external.TrimEnd('.')) is { } problem) causes.Add(new FieldCause("spec.externalName", $"Invalid value: \"{external}\": {problem}"));
            if (Json.Text(spec["clusterIP"]) is { Length: > 0 } ip && old is null)
                causes.Add(new FieldCause("spec.clusterIPs", $"Invalid value: []string{{\"{ip}\"}}: may not be set for ExternalName services"));
        }

        var i = 0;
        foreach (var port in Json.Objects(spec["ports"]))
        {
            if (Json.Integer(port["port"]) is not { } number || number is < 1 or > 65535)
                causes.Add(new FieldCause($"spec.ports[{i}].port", $"Invalid value: {port["port"]?.ToJsonString() ?? "0"}: must be between 1 and 65535, inclusive"));
            if (Json.Objects(spec["ports"]).Count() > 1 && string.IsNullOrEmpty(Json.Text(port["name"])))
                causes.Add(FieldCause.Required($"spec.ports[{i}].name"));
            i++;
        }

        var oldIp = Json.Text(old?["spec"]?["clusterIP"]);
        var newIp = Json.Text(spec["clusterIP"]);
        if (oldIp is not null && newIp is not null && oldIp != newIp)
            causes.Add(new FieldCause("spec.clusterIPs[0]", $"Invalid value: []string{{\"{newIp}\"}}: may not change once set"));
        if (causes.Count > 0 || type == "ExternalName") return;

        lock (_allocation)
        {
            var name = Json.Text(obj["metadata"]?["name"]);
            var ns = Json.Text(obj["metadata"]?["namespace"]);
            var others = store.List(ResourceTypes.Service).Items
                .Where(s => !(Json.Text(s["metadata"]?["name"]) == name && Json.Text(s["metadata"]?["namespace"]) == ns))
                .ToList();
            AllocateClusterIp(spec, others, causes);
            if (type is "NodePort" or "LoadBalancer") AllocateNodePorts(spec, others, causes);
            else foreach (var port in Json.Objects(spec["ports"])) port.Remove("nodePort");
        }
    }

    private static void AllocateClusterIp(JsonObject spec, List<JsonObject> others, List<FieldCause> causes)
    {
        var requested = Json.Text(spec["clusterIP"]);
        var used = others.Select(s => Json.Text(s["spec"]?["clusterIP"])).OfType<string>().ToHashSet();
        if (requested is "None")
        {
            spec["clusterIPs"] = new JsonArray("None");
            return;
        }

        if (!string.IsNullOrEmpty(requested))
        {
            if (used.Contains(requested))
                causes.Add(new FieldCause("spec.clusterIPs", $"Invalid value: []string{{\"{requested}\"}}: failed to allocate IP {requested}: provided IP is already allocated"));
            spec["clusterIPs"] = new JsonArray(requested);
            return;
        }

        for (var n = 10; n < 65534; n++)
        {
            var candidate = $"10.96.{n / 256}.{n % 256}";
            if (n % 256 == 0 || used.Contains(candidate)) continue;
            spec["clusterIP"] = candidate;
            spec["clusterIPs"] = new JsonArray(candidate);
            return;
        }

        causes.Add(new FieldCause("spec.clusterIPs", "Internal error: range is full"));
    }

    private static void AllocateNodePorts(JsonObject spec, List<JsonObject> others, List<FieldCause> causes)
    {
        var used = others.SelectMany(s => Json.Objects(s["spec"]?["ports"]))
            .Select(p => (int)(Json.Integer(p["nodePort"]) ?? 0))
            .Where(n => n > 0).ToHashSet();
        var i = 0;
        foreach (var port in Json.Objects(spec["ports"]))
        {
            if (Json.Integer(port["nodePort"]) is { } requested && requested != 0)
            {
                if (requested is < 30000 or > 32767)
                    causes.Add(new FieldCause($"spec.ports[{i}].nodePort", $"Invalid value: {requested}: provided port is not in the valid range. The range of valid ports is 30000-32767"));
                else if (!used.Add((int)requested))
                    causes.Add(new FieldCause($"spec.ports[{i}].nodePort", $"Invalid value: {requested}: provided port is already allocated"));
            }
            else
            {
                var free = Enumerable.Range(30000, 2768).Select(p => 30000 + (p - 30000 + 1234) % 2768).First(p => !used.Contains(p));
                used.Add(free);
                port["nodePort"] = free;
            }

            i++;
        }
    }
}
