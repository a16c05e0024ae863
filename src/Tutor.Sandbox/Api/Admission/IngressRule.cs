using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>Ingresses: each path has a known pathType and a backend naming a Service and its port.</summary>
public sealed class IngressRule : IAdmissionRule
{
    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];

    public bool AppliesTo(ResourceType type) => type == ResourceTypes.Ingress;

    public void Default(JsonObject obj, JsonObject? old) => Json.Object(Json.Object(obj, "status"), "loadBalancer");

    public void Validate(JsonObject obj, JsonObject? old, List<FieldCause> causes)
    {
        var spec = obj["spec"] as JsonObject;
        if (spec?["defaultBackend"] is null && spec?["rules"] is not JsonArray { Count: > 0 })
            causes.Add(new FieldCause("spec", "Invalid value: \"\": either `defaultBackend` or `rules` must be specified"));
        if (spec?["defaultBackend"] is JsonObject fallback) Backend(fallback, "spec.defaultBackend", causes);
        var r = 0;
        foreach (var rule in Json.Objects(spec?["rules"]))
        {
            var at = $"spec.rules[{r++}]";
            if (Json.Text(rule["host"]) is { Length: > 0 } host && NameRules.SubdomainProblem(host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host) is { } problem)
                causes.Add(new FieldCause($"{at}.host", $"Invalid value: \"{host}\": {problem}"));
            if (rule["http"] is not JsonObject http) continue;
            if (http["paths"] is not JsonArray { Count: > 0 }) causes.Add(FieldCause.Required($"{at}.http.paths"));
            var p = 0;
            foreach (var path in Json.Objects(http["paths"]))
            {
                var pathAt = $"{at}.http.paths[{p++}]";
                var type = Json.Text(path["pathType"]);
                if (type is null) causes.Add(new FieldCause($"{pathAt}.pathType", "Required value: pathType must be specified", "FieldValueRequired"));
                else if (!PathTypes.Contains(type)) causes.Add(FieldCause.NotSupported($"{pathAt}.pathType", type, PathTypes));
                else if (type != "ImplementationSpecific" && !(Json.Text(path["path"]) ?? "").StartsWith('/'))
                    causes.Add(new FieldCause($"{pathAt}.path", $"Invalid value: \"{Json.Text(path["path"])}\": must be an absolute path"));
                if (path["backend"] is JsonObject backend) Backend(backend, $"{pathAt}.backend", causes);
                else causes.Add(FieldCause.Required($"{pathAt}.backend"));
            }
        }
    }

    private static void Backend(JsonObject backend, string at, List<FieldCause> causes)
    {
        if (backend["service"] is not JsonObject service)
        {
            if (backend["resource"] is null) causes.Add(new FieldCause(at, "Invalid value: \"\": resource or service backend is required"));
            return;
        }

        if (string.IsNullOrEmpty(Json.Text(service["name"]))) causes.Add(FieldCause.Required($"{at}.service.name"));
        var port = service["port"] as JsonObject;
        var name = Json.Text(port?["name"]);
        var number = Json.Integer(port?["number"]);
        if (string.IsNullOrEmpty(name) && number is null)
            causes.Add(new FieldCause($"{at}.service.port", "Invalid value: \"\": port name or number is required"));
        else if (!string.IsNullOrEmpty(name) && number is not null)
            causes.Add(new FieldCause($"{at}.service.port", "Invalid value: \"\": cannot set both port name & port number"));
        else if (number is < 1 or > 65535)
            causes.Add(new FieldCause($"{at}.service.port.number", $"Invalid value: {number}: must be between 1 and 65535, inclusive"));
    }
}
