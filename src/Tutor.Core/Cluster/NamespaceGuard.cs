using System.Text.Json.Nodes;

namespace Tutor.Core.Cluster;

/// <summary>
/// The one rule that keeps reset from destroying anything not Tutor's: a namespace is Tutor's only if it
/// carries both of Tutor's labels, and the cluster's own namespaces never are, whatever their labels say.
/// </summary>
public static class NamespaceGuard
{
    public static readonly IReadOnlySet<string> NeverTutors = new HashSet<string>(StringComparer.Ordinal)
    {
        "default", "kube-system", "kube-public", "kube-node-lease",
    };

    public static NamespaceVerdict Judge(string name, IReadOnlyDictionary<string, string>? labels)
    {
        if (NeverTutors.Contains(name) || name.StartsWith("kube-", StringComparison.Ordinal))
        {
            return new NamespaceVerdict(name, true, false, $"namespace {name} belongs to the cluster itself; Tutor never deletes in it");
        }

        labels ??= new Dictionary<string, string>();
        var managed = labels.TryGetValue(TutorLabels.ManagedBy, out var by) && by == TutorLabels.ManagedByValue;
        var learner = labels.TryGetValue(TutorLabels.Learner, out var who) && !string.IsNullOrWhiteSpace(who);
        if (managed && learner) return new NamespaceVerdict(name, true, true, $"namespace {name} was created by Tutor for {who}");

        var missing = string.Join(" and ", new[]
        {
            managed ? null : $"{TutorLabels.ManagedBy}={TutorLabels.ManagedByValue}",
            learner ? null : TutorLabels.Learner,
        }.OfType<string>());
        return new NamespaceVerdict(name, true, false, $"namespace {name} was not created by Tutor (it lacks the label {missing}); Tutor never deletes in it");
    }

    public static NamespaceVerdict Judge(JsonObject namespaceObject)
    {
        var name = namespaceObject["metadata"]?["name"]?.GetValue<string>() ?? "";
        var labels = new Dictionary<string, string>();
        if (namespaceObject["metadata"]?["labels"] is JsonObject json)
        {
            foreach (var (key, value) in json)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text)) labels[key] = text;
            }
        }

        return Judge(name, labels);
    }

    /// <summary>Reads the namespace from the cluster and judges it; a namespace that does not exist is nobody's.</summary>
    public static async Task<NamespaceVerdict> CheckAsync(ClusterConnection connection, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var json = await connection.GetJsonAsync($"api/v1/namespaces/{Uri.EscapeDataString(name)}", $"read namespace {name}", cancellationToken).ConfigureAwait(false);
            var verdict = Judge(json as JsonObject ?? new JsonObject());
            // The name on the object must be the one asked for; anything else is a confused server.
            return verdict.Namespace == name ? verdict : new NamespaceVerdict(name, true, false, $"the cluster answered for namespace {verdict.Namespace} when asked for {name}");
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.NotFound)
        {
            return new NamespaceVerdict(name, false, false, $"namespace {name} does not exist");
        }
    }
}
