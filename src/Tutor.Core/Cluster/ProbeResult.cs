namespace Tutor.Core.Cluster;

/// <summary>What a probe learned: whether the cluster answers, and in words why not.</summary>
public sealed record ProbeResult(ProbeStatus Status, string Message, string? ServerVersion)
{
    public bool Ok => Status == ProbeStatus.Reachable;
}
