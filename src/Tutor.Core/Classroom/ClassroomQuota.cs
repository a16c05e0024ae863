using System.Text.Json.Nodes;

namespace Tutor.Core.Classroom;

/// <summary>
/// What one learner may hold, so a mistake (replicas: 300) cannot starve the room. Counts only, no CPU or memory:
/// a quota on those makes the API refuse every Pod without requests, and the defaults a LimitRange would add to
/// pass it turn the BestEffort Pods lesson 250 starts from into Burstable ones. The LimitRange caps claims only.
/// Sized with room to spare above the largest lesson's <see cref="LessonFootprint"/> (a test keeps it so).
/// </summary>
public static class ClassroomQuota
{
    public const int Pods = 40;
    public const int Services = 20;
    public const int NodePorts = 10;
    public const int LoadBalancers = 0;
    public const int ConfigMaps = 30;
    public const int Secrets = 30;
    public const int Claims = 10;
    public const string Storage = "20Gi";
    public const string ClaimMax = "5Gi";

    /// <summary>ConfigMaps every learner namespace holds before a lesson starts: the two of the contract and the cluster's kube-root-ca.crt.</summary>
    public const int ConfigMapsBeforeLessons = 3;

    public static JsonObject Hard() => new()
    {
        ["pods"] = Pods.ToString(),
        ["services"] = Services.ToString(),
        ["services.nodeports"] = NodePorts.ToString(),
        ["services.loadbalancers"] = LoadBalancers.ToString(),
        ["configmaps"] = ConfigMaps.ToString(),
        ["secrets"] = Secrets.ToString(),
        ["persistentvolumeclaims"] = Claims.ToString(),
        ["requests.storage"] = Storage,
    };

    public static JsonArray Limits() =>
    [
        new JsonObject { ["type"] = "PersistentVolumeClaim", ["max"] = new JsonObject { ["storage"] = ClaimMax } },
    ];

    /// <summary>What in <paramref name="footprint"/> would not fit in a learner's quota, worded for the instructor; empty when it fits.</summary>
    public static IReadOnlyList<string> Overruns(LessonFootprint footprint)
    {
        var storage = Checks.Quantity.Parse(Storage);
        var over = new List<string>();
        void Check(string what, decimal needs, decimal has)
        {
            if (needs > has) over.Add($"{what}: needs {needs}, the quota allows {has}");
        }

        Check("pods", footprint.Pods, Pods);
        Check("services", footprint.Services, Services);
        Check("services.nodeports", footprint.NodePorts, NodePorts);
        Check("services.loadbalancers", footprint.LoadBalancers, LoadBalancers);
        Check("configmaps", footprint.ConfigMaps + ConfigMapsBeforeLessons, ConfigMaps);
        Check("secrets", footprint.Secrets, Secrets);
        Check("persistentvolumeclaims", footprint.Claims, Claims);
        Check("requests.storage (bytes)", footprint.StorageBytes, storage);
        return over;
    }
}
