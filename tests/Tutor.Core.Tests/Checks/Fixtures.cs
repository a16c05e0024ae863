using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Tests.Checks;

/// <summary>Builds live-looking objects for tests, so each test states only what it is about.</summary>
internal static class Fixtures
{
    public const string Ns = "tutor-me";

    public static ResourceKind Deployments => new("apps/v1", "Deployment");

    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonObject ReadyPod(string name, string labels = """{ "app": "vote" }""") => Obj($$"""
        { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "{{name}}", "labels": {{labels}} },
          "spec": { "containers": [ { "name": "vote", "image": "vote:v1" } ] },
          "status": { "phase": "Running",
            "conditions": [ { "type": "PodScheduled", "status": "True" }, { "type": "Ready", "status": "True" } ],
            "containerStatuses": [ { "name": "vote", "image": "vote:v1", "ready": true, "state": { "running": {} } } ] } }
        """);

    public static JsonObject WaitingPod(string name, string reason, string image = "nginx:1.99", string labels = """{ "app": "vote" }""",
        string lastState = "{}") => Obj($$"""
        { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "{{name}}", "labels": {{labels}} },
          "spec": { "containers": [ { "name": "vote", "image": "{{image}}" } ] },
          "status": { "phase": "Pending",
            "conditions": [ { "type": "PodScheduled", "status": "True" }, { "type": "Ready", "status": "False" } ],
            "containerStatuses": [ { "name": "vote", "image": "{{image}}", "ready": false,
              "state": { "waiting": { "reason": "{{reason}}" } }, "lastState": {{lastState}} } ] } }
        """);

    public static JsonObject Deployment(string name, int replicas, int ready, int updated = -1, int available = -1,
        int generation = 1, int observed = 1, int total = -1) => Obj($$"""
        { "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "{{name}}", "generation": {{generation}} },
          "spec": { "replicas": {{replicas}}, "selector": { "matchLabels": { "app": "{{name}}" } } },
          "status": { "observedGeneration": {{observed}}, "replicas": {{(total < 0 ? replicas : total)}},
            "updatedReplicas": {{(updated < 0 ? replicas : updated)}}, "readyReplicas": {{ready}},
            "availableReplicas": {{(available < 0 ? ready : available)}} } }
        """);

    public static JsonObject Service(string name, string selector = """{ "app": "vote" }""") => Obj($$"""
        { "apiVersion": "v1", "kind": "Service", "metadata": { "name": "{{name}}" },
          "spec": { "selector": {{selector}}, "ports": [ { "port": 80 } ] } }
        """);

    public static JsonObject Endpoints(string name, int ready, int notReady = 0)
    {
        var addresses = new JsonArray(Enumerable.Range(1, ready).Select(i => (JsonNode)new JsonObject { ["ip"] = $"10.0.0.{i}" }).ToArray());
        var notReadyAddresses = new JsonArray(Enumerable.Range(1, notReady).Select(i => (JsonNode)new JsonObject { ["ip"] = $"10.0.1.{i}" }).ToArray());
        var subset = new JsonObject { ["addresses"] = addresses, ["notReadyAddresses"] = notReadyAddresses };
        return new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Endpoints",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["subsets"] = new JsonArray(subset),
        };
    }

    public static ClusterSnapshot Snapshot(params JsonObject[] objects)
    {
        var byKind = objects
            .GroupBy(o => new ResourceKind(o["apiVersion"]!.GetValue<string>(), o["kind"]!.GetValue<string>()))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<JsonObject>)g.ToList());
        return new ClusterSnapshot(Ns, true, byKind);
    }
}
