using System.Text.Json.Nodes;
using Tutor.Sandbox.Controllers.Scheduling;

namespace Tutor.Sandbox.Api.Admission;

/// <summary>Defaults and validation of a pod spec, shared by Pods and every workload's pod template.</summary>
public static class PodSpecRules
{
    public static void Default(JsonObject spec, string restartPolicy = "Always")
    {
        Json.Default(spec, "restartPolicy", restartPolicy);
        Json.Default(spec, "dnsPolicy", "ClusterFirst");
        Json.Default(spec, "terminationGracePeriodSeconds", 30);
        Json.Default(spec, "schedulerName", "default-scheduler");
        Json.Default(spec, "securityContext", new JsonObject());
        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var container in Json.Objects(spec[list]))
            {
                var image = Json.Text(container["image"]) ?? "";
                var tagged = image.Contains('@') || image[(image.LastIndexOf('/') + 1)..].Contains(':');
                Json.Default(container, "imagePullPolicy", !tagged || image.EndsWith(":latest", StringComparison.Ordinal) ? "Always" : "IfNotPresent");
                Json.Default(container, "terminationMessagePath", "/dev/termination-log");
                Json.Default(container, "terminationMessagePolicy", "File");
                Json.Default(container, "resources", new JsonObject());
                foreach (var port in Json.Objects(container["ports"])) Json.Default(port, "protocol", "TCP");
                ProbeDefaults.Apply(container);
            }
        }
    }

    public static void Validate(JsonObject? spec, string path, List<FieldCause> causes)
    {
        if (spec is null)
        {
            causes.Add(FieldCause.Required(path));
            return;
        }

        var containers = spec["containers"] as JsonArray;
        if (containers is null || containers.Count == 0) causes.Add(FieldCause.Required($"{path}.containers"));
        foreach (var list in new[] { "initContainers", "containers" })
        {
            var names = new HashSet<string>();
            var i = 0;
            foreach (var container in Json.Objects(spec[list]))
            {
                var at = $"{path}.{list}[{i++}]";
                var name = Json.Text(container["name"]);
                if (string.IsNullOrEmpty(name)) causes.Add(FieldCause.Required($"{at}.name"));
                else if (NameRules.LabelProblem(name) is { } problem) causes.Add(new FieldCause($"{at}.name", $"Invalid value: \"{name}\": {problem}"));
                else if (!names.Add(name)) causes.Add(new FieldCause($"{at}.name", $"Duplicate value: \"{name}\"", "FieldValueDuplicate"));
                if (string.IsNullOrEmpty(Json.Text(container["image"]))) causes.Add(FieldCause.Required($"{at}.image"));
                var p = 0;
                foreach (var port in Json.Objects(container["ports"]))
                {
                    if (Json.Integer(port["containerPort"]) is not { } number || number is < 1 or > 65535)
                        causes.Add(new FieldCause($"{at}.ports[{p}].containerPort", $"Invalid value: {port["containerPort"]?.ToJsonString() ?? "0"}: must be between 1 and 65535, inclusive"));
                    p++;
                }

                RequestsWithinLimits(container, $"{at}.resources", causes);
            }
        }

        var policy = Json.Text(spec["restartPolicy"]);
        if (policy is not null and not ("Always" or "OnFailure" or "Never"))
            causes.Add(FieldCause.NotSupported($"{path}.restartPolicy", policy, ["Always", "OnFailure", "Never"]));
    }

    /// <summary>A request above its limit can never be met within the limit; the API server refuses it with this wording.</summary>
    private static void RequestsWithinLimits(JsonObject container, string path, List<FieldCause> causes)
    {
        if (container["resources"] is not JsonObject resources || resources["limits"] is not JsonObject limits || resources["requests"] is not JsonObject requests) return;
        foreach (var (name, request) in requests)
        {
            if (limits[name] is not JsonValue limit || request is not JsonValue requested) continue;
            var requestText = requested.ToString();
            var limitText = limit.ToString();
            if (ResourceQuantity.Parse(requestText) > ResourceQuantity.Parse(limitText))
                causes.Add(new FieldCause($"{path}.requests[{name}]", $"Invalid value: \"{requestText}\": must be less than or equal to {name} limit of {limitText}"));
        }
    }
}
