using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Manifests;

namespace Tutor.Core.Classroom;

/// <summary>
/// The most a lesson puts in a namespace at once, counted as a ResourceQuota counts: Pods (with a rolling
/// update's extra Pod and an autoscaler's maximum), Services and NodePorts, ConfigMaps, Secrets, claims and their
/// storage. An upper bound: every object the lesson ever writes is counted at its largest, as if all stood together.
/// </summary>
public sealed record LessonFootprint(int Pods, int Services, int NodePorts, int LoadBalancers, int ConfigMaps, int Secrets, int Claims, long StorageBytes)
{
    public static LessonFootprint Of(IEnumerable<ManifestObject> objects)
    {
        var largest = new Dictionary<(string Kind, string Name), LessonFootprint>();
        var list = objects.ToList();
        var autoscaled = new Dictionary<string, int>();
        foreach (var hpa in list.Where(o => o.Kind.Kind == "HorizontalPodAutoscaler"))
        {
            if (hpa.Body["spec"]?["scaleTargetRef"]?["name"]?.GetValue<string>() is { } target)
            {
                autoscaled[target] = Math.Max(autoscaled.GetValueOrDefault(target), Int(hpa.Body["spec"]?["maxReplicas"], 1));
            }
        }

        foreach (var o in list)
        {
            var one = OfObject(o, autoscaled);
            var key = (o.Kind.Kind, o.Name);
            largest[key] = largest.TryGetValue(key, out var before) ? Max(before, one) : one;
        }

        return largest.Values.Aggregate(new LessonFootprint(0, 0, 0, 0, 0, 0, 0, 0), Add);
    }

    private static LessonFootprint OfObject(ManifestObject o, IReadOnlyDictionary<string, int> autoscaled)
    {
        var spec = o.Body["spec"];
        switch (o.Kind.Kind)
        {
            case "Pod":
                return Only(pods: 1);
            case "Deployment":
            {
                var replicas = Math.Max(Int(spec?["replicas"], 1), autoscaled.GetValueOrDefault(o.Name));
                // The default rolling update adds up to a quarter more Pods (at least one) while it runs.
                return Only(pods: replicas + Math.Max(1, (int)Math.Ceiling(replicas / 4.0)));
            }
            case "ReplicaSet":
                return Only(pods: Int(spec?["replicas"], 1));
            case "StatefulSet":
            {
                var replicas = Math.Max(Int(spec?["replicas"], 1), autoscaled.GetValueOrDefault(o.Name));
                var templates = spec?["volumeClaimTemplates"] as JsonArray ?? [];
                var storage = templates.Sum(t => Bytes(t?["spec"]?["resources"]?["requests"]?["storage"]));
                return Only(pods: replicas, claims: replicas * templates.Count, storage: replicas * storage);
            }
            case "Job":
                return Only(pods: Int(spec?["parallelism"], 1));
            case "CronJob":
                return Only(pods: Int(spec?["jobTemplate"]?["spec"]?["parallelism"], 1));
            case "Service":
            {
                var type = spec?["type"]?.GetValue<string>();
                return Only(services: 1, nodePorts: type is "NodePort" or "LoadBalancer" ? 1 : 0, loadBalancers: type == "LoadBalancer" ? 1 : 0);
            }
            case "ConfigMap":
                return Only(configMaps: 1);
            case "Secret":
                return Only(secrets: 1);
            case "PersistentVolumeClaim":
                return Only(claims: 1, storage: Bytes(spec?["resources"]?["requests"]?["storage"]));
            default:
                return Only();
        }
    }

    private static LessonFootprint Only(int pods = 0, int services = 0, int nodePorts = 0, int loadBalancers = 0, int configMaps = 0, int secrets = 0,
        int claims = 0, long storage = 0) => new(pods, services, nodePorts, loadBalancers, configMaps, secrets, claims, storage);

    private static LessonFootprint Add(LessonFootprint a, LessonFootprint b) => new(a.Pods + b.Pods, a.Services + b.Services, a.NodePorts + b.NodePorts,
        a.LoadBalancers + b.LoadBalancers, a.ConfigMaps + b.ConfigMaps, a.Secrets + b.Secrets, a.Claims + b.Claims, a.StorageBytes + b.StorageBytes);

    private static LessonFootprint Max(LessonFootprint a, LessonFootprint b) => new(Math.Max(a.Pods, b.Pods), Math.Max(a.Services, b.Services),
        Math.Max(a.NodePorts, b.NodePorts), Math.Max(a.LoadBalancers, b.LoadBalancers), Math.Max(a.ConfigMaps, b.ConfigMaps), Math.Max(a.Secrets, b.Secrets),
        Math.Max(a.Claims, b.Claims), Math.Max(a.StorageBytes, b.StorageBytes));

    // Manifests read from YAML hold numbers as whatever scalar type the reader chose, so the text is parsed.
    private static int Int(JsonNode? node, int otherwise) =>
        node is JsonValue v && int.TryParse(v.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : otherwise;

    private static long Bytes(JsonNode? node)
    {
        var text = node is JsonValue v ? v.ToString() : null;
        return text is not null && Quantity.TryParse(text, out var q) ? (long)Math.Ceiling(q) : 0;
    }
}
