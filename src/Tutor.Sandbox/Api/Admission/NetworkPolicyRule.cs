using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>NetworkPolicies: known policy types and protocols, ports in range; policyTypes defaulted from the rules given.</summary>
public sealed class NetworkPolicyRule : IAdmissionRule
{
    private static readonly string[] PolicyTypes = ["Ingress", "Egress"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public bool AppliesTo(ResourceType type) => type == ResourceTypes.NetworkPolicy;

    public void Default(JsonObject obj, JsonObject? old)
    {
        var spec = Json.Object(obj, "spec");
        Json.Default(spec, "podSelector", new JsonObject());
        if (spec["policyTypes"] is null)
            spec["policyTypes"] = spec["egress"] is JsonArray { Count: > 0 } ? new JsonArray("Ingress", "Egress") : new JsonArray("Ingress");
        foreach (var direction in new[] { "ingress", "egress" })
            foreach (var rule in Json.Objects(spec[direction]))
                foreach (var port in Json.Objects(rule["ports"])) Json.Default(port, "protocol", "TCP");
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        var spec = obj["spec"] as JsonObject;
        var t = 0;
        foreach (var type in (spec?["policyTypes"] as JsonArray ?? []).Select(Json.Text))
        {
            if (type is null || !PolicyTypes.Contains(type)) causes.Add(FieldCause.NotSupported($"spec.policyTypes[{t}]", type ?? "", PolicyTypes));
            t++;
        }

        foreach (var direction in new[] { "ingress", "egress" })
        {
            var r = 0;
            foreach (var rule in Json.Objects(spec?[direction]))
            {
                var p = 0;
                foreach (var port in Json.Objects(rule["ports"]))
                {
                    var at = $"spec.{direction}[{r}].ports[{p++}]";
                    if (Json.Text(port["protocol"]) is { } protocol && !Protocols.Contains(protocol))
                        causes.Add(FieldCause.NotSupported($"{at}.protocol", protocol, Protocols));
                    if (Json.Integer(port["port"]) is { } number && number is < 1 or > 65535)
                        causes.Add(new FieldCause($"{at}.port", $"Invalid value: {number}: must be between 1 and 65535, inclusive"));
                }

                r++;
            }
        }
    }
}
