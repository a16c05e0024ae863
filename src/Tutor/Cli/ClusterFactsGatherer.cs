using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Tutor.Core.Cluster;
using Tutor.Core.Doctor;
using Tutor.Engine;

namespace Tutor.Cli;

/// <summary>Asks kubectl and the cluster what <see cref="DoctorAdvisor"/> judges; anything the cluster refuses or does not serve reads as absent or unknown.</summary>
public static class ClusterFactsGatherer
{
    private static readonly string[] IngressControllers = ["ingress-nginx", "traefik", "haproxy-ingress", "contour"];
    private static readonly string[] PolicyCnis = ["calico", "cilium", "antrea", "weave"];

    public static async Task<ClusterFacts> GatherAsync(ClusterSession session, CancellationToken cancellationToken)
    {
        var facts = new ClusterFacts { KubectlVersion = await KubectlVersionAsync(cancellationToken), Context = session.Context, Server = session.Server };
        var probe = await ClusterProbe.ProbeAsync(session.Connection, cancellationToken: cancellationToken);
        if (!probe.Ok) return facts with { Reachable = false, Unreachable = probe.Message };

        var nodes = (await ListAsync(session, "api/v1/nodes", cancellationToken))
            .Select(n => new NodeFacts(Str(n, "metadata", "name") ?? "?", Labels(n), Str(n, "spec", "providerID"))).ToList();
        var classes = await ListAsync(session, "apis/storage.k8s.io/v1/storageclasses", cancellationToken);
        var pods = await ListAsync(session, "api/v1/pods", cancellationToken);
        var podNames = pods.Select(p => $"{Str(p, "metadata", "namespace")}/{Str(p, "metadata", "name")}").ToList();
        return facts with
        {
            Reachable = true,
            ServerVersion = probe.ServerVersion,
            Nodes = nodes,
            StorageClasses = classes.Select(c => Str(c, "metadata", "name") ?? "?").ToList(),
            DefaultStorageClass = classes.Where(c => Str(c, "metadata", "annotations", "storageclass.kubernetes.io/is-default-class") == "true")
                .Select(c => Str(c, "metadata", "name")).FirstOrDefault(),
            IngressClasses = (await ListAsync(session, "apis/networking.k8s.io/v1/ingressclasses", cancellationToken)).Select(c => Str(c, "metadata", "name") ?? "?").ToList(),
            IngressControllerPods = podNames.Where(n => IngressControllers.Any(c => n.Contains(c, StringComparison.Ordinal))).ToList(),
            NetworkPolicyPods = podNames.Where(n => PolicyCnis.Any(c => n.Contains(c, StringComparison.Ordinal))).ToList(),
            MetricsApi = await ServedAsync(session, "apis/metrics.k8s.io/v1beta1", cancellationToken),
            FluxInstalled = await ServedAsync(session, "apis/kustomize.toolkit.fluxcd.io", cancellationToken),
            CanWorkInNamespace = await MayAsync(session, "apps", "deployments", session.Namespace, cancellationToken),
            CanCreateClusterWide = await MayAsync(session, "", "namespaces", null, cancellationToken),
        };
    }

    private static async Task<string?> KubectlVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("kubectl", ["version", "--client", "-o", "json"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null) return null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return JsonNode.Parse(output)?["clientVersion"]?["gitVersion"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or System.Text.Json.JsonException or OperationCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<JsonObject>> ListAsync(ClusterSession session, string path, CancellationToken cancellationToken)
    {
        try
        {
            var list = await session.Connection.GetJsonAsync(path, $"list {path}", cancellationToken);
            return (list["items"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        }
        catch (ClusterException)
        {
            // Not served, or not allowed: the doctor reports the absence, not an error.
            return [];
        }
    }

    private static async Task<bool> ServedAsync(ClusterSession session, string path, CancellationToken cancellationToken)
    {
        try
        {
            await session.Connection.GetJsonAsync(path, $"discover {path}", cancellationToken);
            return true;
        }
        catch (ClusterException)
        {
            return false;
        }
    }

    private static async Task<bool?> MayAsync(ClusterSession session, string group, string resource, string? @namespace, CancellationToken cancellationToken)
    {
        var review = new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes { Verb = "create", Group = group, Resource = resource, NamespaceProperty = @namespace },
            },
        };
        try
        {
            var answer = await session.Connection.Client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(review, cancellationToken: cancellationToken);
            return answer.Status?.Allowed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A cluster that does not serve the review (404) or refuses it leaves the answer unknown.
            return null;
        }
    }

    private static string? Str(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = node?[key];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static IReadOnlyDictionary<string, string> Labels(JsonNode node) =>
        (node["metadata"]?["labels"] as JsonObject)?.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString()) ?? new Dictionary<string, string>();
}
