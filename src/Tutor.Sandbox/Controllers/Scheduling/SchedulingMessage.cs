namespace Tutor.Sandbox.Controllers.Scheduling;

/// <summary>The text of a FailedScheduling event, counted and sorted as kube-scheduler words it.</summary>
public static class SchedulingMessage
{
    public static string Unschedulable(int nodeCount, IEnumerable<(IReadOnlyList<string> Reasons, bool PreemptionMightHelp)> perNode)
    {
        var results = perNode.ToList();
        if (nodeCount == 0) return "no nodes available to schedule pods";
        var reasons = Histogram(results.SelectMany(r => r.Reasons));
        var preemption = Histogram(results.Select(r => r.PreemptionMightHelp ? "No preemption victims found for incoming pod" : "Preemption is not helpful for scheduling"));
        return $"0/{nodeCount} nodes are available: {reasons}. preemption: 0/{nodeCount} nodes are available: {preemption}.";
    }

    /// <summary>A failure that concerns the Pod itself, not any node (a missing claim, an unbound one).</summary>
    public static string PodLevel(int nodeCount, string reason) =>
        $"0/{nodeCount} nodes are available: {reason}. preemption: 0/{nodeCount} nodes are available: {nodeCount} Preemption is not helpful for scheduling.";

    private static string Histogram(IEnumerable<string> reasons) =>
        string.Join(", ", reasons.GroupBy(r => r).Select(g => $"{g.Count()} {g.Key}").Order(StringComparer.Ordinal));
}
