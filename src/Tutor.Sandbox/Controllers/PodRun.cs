namespace Tutor.Sandbox.Controllers;

/// <summary>The simulated runtime state of one Pod on its node.</summary>
public sealed class PodRun(DateTimeOffset startAt)
{
    public DateTimeOffset StartAt { get; set; } = startAt;

    public DateTimeOffset? StartedAt { get; set; }

    public List<ContainerRun> Init { get; } = new();

    public List<ContainerRun> Main { get; } = new();

    public Dictionary<string, (string Status, string Time)> Conditions { get; } = new();

    public string? PodIp { get; set; }
}
