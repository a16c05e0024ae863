using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers.Scheduling;

/// <summary>
/// The default scheduler's filters and scores for one Pod against one node, in the order the real plugins run
/// (unschedulable, taints, node affinity, resources, pod affinity), worded as its FailedScheduling message words them.
/// </summary>
public sealed class NodeFit(JsonObject pod, IReadOnlyList<JsonObject> scheduledPods)
{
    private readonly JsonObject _spec = pod["spec"] as JsonObject ?? new JsonObject();
    private readonly string _namespace = Meta.Namespace(pod);
    private readonly IReadOnlyDictionary<string, string> _labels = Meta.Labels(pod["metadata"]?["labels"]);

    /// <summary>Why the Pod cannot go to <paramref name="node"/> (empty when it can), and whether evicting others could help.</summary>
    public (IReadOnlyList<string> Reasons, bool PreemptionMightHelp) Filter(JsonObject node, IReadOnlyList<JsonObject> nodes)
    {
        var labels = NodeLabels(node);
        var tolerations = (_spec["tolerations"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (node["spec"]?["unschedulable"]?.GetValue<bool>() == true
            && !Tolerations.Tolerate(tolerations, new JsonObject { ["key"] = "node.kubernetes.io/unschedulable", ["effect"] = "NoSchedule" }))
            return (["node(s) were unschedulable"], false);

        var taint = (node["spec"]?["taints"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(t => t["effect"]?.GetValue<string>() is "NoSchedule" or "NoExecute" && !Tolerations.Tolerate(tolerations, t));
        if (taint is not null)
            return ([$"node(s) had untolerated taint {{{taint["key"]?.GetValue<string>()}: {taint["value"]?.GetValue<string>()}}}"], false);

        if (!MatchesNodeSelection(labels)) return (["node(s) didn't match Pod's node affinity/selector"], false);

        var onNode = scheduledPods.Where(p => p["spec"]?["nodeName"]?.GetValue<string>() == Meta.Name(node)).ToList();
        var insufficient = new List<string>();
        var allocatable = node["status"]?["allocatable"] as JsonObject;
        if (onNode.Count + 1 > (int)Allocatable(allocatable, "pods")) insufficient.Add("Too many pods");
        foreach (var resource in new[] { "cpu", "memory", "ephemeral-storage" })
        {
            var wanted = PodRequests.Of(_spec, resource);
            if (wanted == 0) continue;
            var used = onNode.Sum(p => PodRequests.Of(p["spec"] as JsonObject, resource));
            if (used + wanted > Allocatable(allocatable, resource)) insufficient.Add($"Insufficient {resource}");
        }

        if (insufficient.Count > 0) return (insufficient, true);

        var nodesByName = nodes.ToDictionary(Meta.Name);
        if (!PodAffinityHolds(labels, nodesByName)) return (["node(s) didn't match pod affinity rules"], false);
        if (AntiAffinityViolated(labels, nodesByName)) return (["node(s) didn't match pod anti-affinity rules"], false);
        if (ExistingAntiAffinityViolated(labels, nodesByName)) return (["node(s) didn't satisfy existing pods anti-affinity rules"], false);
        return ([], false);
    }

    /// <summary>How much the Pod would like <paramref name="node"/>: preferred node affinity and pod (anti-)affinity weights, untolerated PreferNoSchedule taints.</summary>
    public int Score(JsonObject node, IReadOnlyList<JsonObject> nodes)
    {
        var labels = NodeLabels(node);
        var nodesByName = nodes.ToDictionary(Meta.Name);
        var score = 0;
        foreach (var preferred in Objects(_spec["affinity"]?["nodeAffinity"]?["preferredDuringSchedulingIgnoredDuringExecution"]))
            if (TermMatches(preferred["preference"] as JsonObject, labels)) score += Meta.Int(preferred["weight"]);
        foreach (var preferred in Objects(_spec["affinity"]?["podAffinity"]?["preferredDuringSchedulingIgnoredDuringExecution"]))
            if (preferred["podAffinityTerm"] is JsonObject term && MatchingPods(term, _namespace).Any(p => SameTopology(p, term, labels, nodesByName)))
                score += Meta.Int(preferred["weight"]);
        foreach (var preferred in Objects(_spec["affinity"]?["podAntiAffinity"]?["preferredDuringSchedulingIgnoredDuringExecution"]))
            if (preferred["podAffinityTerm"] is JsonObject term && MatchingPods(term, _namespace).Any(p => SameTopology(p, term, labels, nodesByName)))
                score -= Meta.Int(preferred["weight"]);
        var tolerations = (_spec["tolerations"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        score -= Objects(node["spec"]?["taints"]).Count(t => t["effect"]?.GetValue<string>() == "PreferNoSchedule" && !Tolerations.Tolerate(tolerations, t));
        return score;
    }

    private bool MatchesNodeSelection(IReadOnlyDictionary<string, string> labels)
    {
        if (Meta.Labels(_spec["nodeSelector"]).Any(kv => !labels.TryGetValue(kv.Key, out var v) || v != kv.Value)) return false;
        var terms = Objects(_spec["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]).ToList();
        return terms.Count == 0 || terms.Any(t => TermMatches(t, labels));
    }

    /// <summary>Whether <paramref name="node"/> matches any of <paramref name="nodeSelectorTerms"/> (a volume's or a Pod's required node affinity).</summary>
    public static bool MatchesAnyTerm(JsonNode? nodeSelectorTerms, JsonObject node) =>
        Objects(nodeSelectorTerms).Any(t => TermMatches(t, NodeLabels(node)));

    /// <summary>A node selector term: its requirements all hold (an empty term matches no node, as in Kubernetes).</summary>
    private static bool TermMatches(JsonObject? term, IReadOnlyDictionary<string, string> labels)
    {
        if (term is null) return false;
        var expressions = term["matchExpressions"] as JsonArray;
        var fields = term["matchFields"] as JsonArray;
        if ((expressions?.Count ?? 0) + (fields?.Count ?? 0) == 0) return false;
        return LabelExpressions.All(expressions, labels) && LabelExpressions.All(fields, labels);
    }

    private bool PodAffinityHolds(IReadOnlyDictionary<string, string> nodeLabels, Dictionary<string, JsonObject> nodes)
    {
        foreach (var term in Objects(_spec["affinity"]?["podAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]))
        {
            var matching = MatchingPods(term, _namespace).ToList();
            // The first Pod of a group that wants to be near its own kind may go anywhere, or none ever could.
            if (matching.Count == 0 && LabelExpressions.Selects(term["labelSelector"], _labels)) continue;
            if (!matching.Any(p => SameTopology(p, term, nodeLabels, nodes))) return false;
        }

        return true;
    }

    private bool AntiAffinityViolated(IReadOnlyDictionary<string, string> nodeLabels, Dictionary<string, JsonObject> nodes) =>
        Objects(_spec["affinity"]?["podAntiAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"])
            .Any(term => MatchingPods(term, _namespace).Any(p => SameTopology(p, term, nodeLabels, nodes)));

    private bool ExistingAntiAffinityViolated(IReadOnlyDictionary<string, string> nodeLabels, Dictionary<string, JsonObject> nodes) =>
        scheduledPods.Any(other => Objects(other["spec"]?["affinity"]?["podAntiAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"])
            .Any(term => Namespaces(term, Meta.Namespace(other)).Contains(_namespace)
                && LabelExpressions.Selects(term["labelSelector"], _labels)
                && SameTopology(other, term, nodeLabels, nodes)));

    private IEnumerable<JsonObject> MatchingPods(JsonObject term, string ownNamespace)
    {
        var namespaces = Namespaces(term, ownNamespace);
        return scheduledPods.Where(p => Meta.Uid(p) != Meta.Uid(pod) && namespaces.Contains(Meta.Namespace(p))
            && LabelExpressions.Selects(term["labelSelector"], Meta.Labels(p["metadata"]?["labels"])));
    }

    private static HashSet<string> Namespaces(JsonObject term, string ownNamespace)
    {
        var listed = (term["namespaces"] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").ToHashSet() ?? [];
        return listed.Count > 0 ? listed : [ownNamespace];
    }

    /// <summary>Whether <paramref name="other"/> runs in the same topology domain (same value of the term's topologyKey) as the candidate node.</summary>
    private static bool SameTopology(JsonObject other, JsonObject term, IReadOnlyDictionary<string, string> nodeLabels, Dictionary<string, JsonObject> nodes)
    {
        var key = term["topologyKey"]?.GetValue<string>() ?? "";
        if (!nodeLabels.TryGetValue(key, out var domain)) return false;
        var otherNode = other["spec"]?["nodeName"]?.GetValue<string>();
        return otherNode is not null && nodes.TryGetValue(otherNode, out var n) && NodeLabels(n).TryGetValue(key, out var d) && d == domain;
    }

    /// <summary>A node's labels, plus <c>metadata.name</c> so <c>matchFields</c> can be read as labels.</summary>
    private static IReadOnlyDictionary<string, string> NodeLabels(JsonObject node) =>
        new Dictionary<string, string>(Meta.Labels(node["metadata"]?["labels"])) { ["metadata.name"] = Meta.Name(node) };

    private static decimal Allocatable(JsonObject? allocatable, string resource) =>
        allocatable?[resource] is JsonValue v ? ResourceQuantity.Parse(v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : resource == "pods" ? 110 : decimal.MaxValue;

    private static IEnumerable<JsonObject> Objects(JsonNode? list) => (list as JsonArray)?.OfType<JsonObject>() ?? [];
}
