using System.Text.Json.Nodes;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// Decides, without a server, what provision must do: which of each learner's objects are missing or differ
/// from what they should be, and whose kubeconfig needs a new token. A namespace that exists but is not this
/// classroom's learner's stops the whole plan, so nothing of anyone else is touched or half-applied.
/// </summary>
public static class ProvisionPlanner
{
    /// <summary>A token this close to expiring is renewed rather than handed out again.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(15);

    public static ProvisionPlan Plan(string classroom, IReadOnlyList<string> learners, IReadOnlyList<AccessRule> rules, ObservedRoom observed,
        string server, bool refreshTokens, DateTimeOffset now)
    {
        var errors = new List<string>();
        var plans = new List<LearnerPlan>();
        foreach (var learner in learners)
        {
            var desired = LearnerObjects.For(classroom, learner, rules);
            var ns = desired[0];
            if (observed.Find(ns) is { } existing && Foreign(existing, classroom, learner) is { } whose)
            {
                errors.Add($"namespace {ns.Name} already exists and {whose}; Tutor leaves it alone: choose another learner or classroom name");
                continue;
            }

            var changes = desired
                .Select(d => (Desired: d, Live: observed.Find(d)))
                .Where(p => p.Live is null || !Covers(p.Desired.Body, p.Live))
                .Select(p => new ObjectChange(p.Desired, p.Live is null))
                .ToList();
            var accountCreated = changes.Any(c => c.Creates && c.Object.Resource == LearnerObjects.ServiceAccounts);
            plans.Add(new LearnerPlan(learner, ns.Name, changes, TokenReason(observed.Kubeconfigs.GetValueOrDefault(learner), accountCreated, refreshTokens, server, ns.Name, now)));
        }

        return new ProvisionPlan(classroom, plans, errors);
    }

    private static string? Foreign(JsonObject ns, string classroom, string learner)
    {
        var labels = ns["metadata"]?["labels"] as JsonObject;
        string? Label(string key) => labels?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (Label(TutorLabels.ManagedBy) != TutorLabels.ManagedByValue) return "was not created by Tutor";
        if (Label(ClassroomNames.ClassroomLabel) is not { } room) return "belongs to no classroom";
        if (room != classroom) return $"belongs to classroom {room}";
        return Label(ClassroomNames.LearnerLabel) == learner ? null : $"belongs to learner {Label(ClassroomNames.LearnerLabel)}";
    }

    private static string? TokenReason(string? kubeconfig, bool accountCreated, bool refresh, string server, string ns, DateTimeOffset now)
    {
        if (kubeconfig is null) return "no kubeconfig yet";
        if (accountCreated) return "new ServiceAccount";
        if (refresh) return "--refresh-tokens";
        var (writtenServer, writtenNamespace, expires) = LearnerKubeconfig.Read(kubeconfig);
        if (writtenServer?.TrimEnd('/') != server.TrimEnd('/') || writtenNamespace != ns) return "kubeconfig points elsewhere";
        if (expires is null) return "token expiry unknown";
        if (expires <= now) return "token expired";
        return expires - now < RenewBefore ? "token about to expire" : null;
    }

    /// <summary>True when every field <paramref name="desired"/> sets has that value in <paramref name="live"/> (lists match item by item).</summary>
    public static bool Covers(JsonNode? desired, JsonNode? live) => (desired, live) switch
    {
        (null, _) => true,
        (JsonObject d, JsonObject l) => d.All(p => l.ContainsKey(p.Key) && Covers(p.Value, l[p.Key])),
        (JsonArray d, JsonArray l) => d.Count == l.Count && d.Zip(l).All(p => Covers(p.First, p.Second)),
        (JsonValue d, JsonValue l) => d.ToJsonString() == l.ToJsonString(),
        _ => false,
    };
}
