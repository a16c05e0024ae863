using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers;

/// <summary>The simulated runtime state of one container: what a kubelet would report for it.</summary>
public sealed class ContainerRun(string name, string image)
{
    public string Name { get; } = name;

    public string Image { get; set; } = image;

    public ContainerPhase Phase { get; set; } = ContainerPhase.Creating;

    public string? Reason { get; set; } = "ContainerCreating";

    public string? Message { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When a running container will exit, or when a back-off ends.</summary>
    public DateTimeOffset? NextAt { get; set; }

    public int PendingExitCode { get; set; }

    public string? PendingExitMessage { get; set; }

    public int ExitCode { get; set; }

    public int Restarts { get; set; }

    public JsonObject? LastTerminated { get; set; }

    public JsonObject? Terminated { get; set; }

    public bool EverStarted { get; set; }

    /// <summary>Whether the readiness probe (or, without one, the start) lets the container serve.</summary>
    public bool Ready { get; set; }

    /// <summary>Whether the startup probe (or, without one, the start) has passed.</summary>
    public bool Started { get; set; }

    /// <summary>The start time of the instance the probes last looked at; a restart reports failures afresh.</summary>
    public DateTimeOffset? ProbedInstance { get; set; }

    public HashSet<string> ProbesReported { get; } = new();
}

public enum ContainerPhase
{
    /// <summary>Not started yet (ContainerCreating, PodInitializing).</summary>
    Creating,
    /// <summary>Waiting with a reason: ErrImagePull, ImagePullBackOff, CreateContainerConfigError, CrashLoopBackOff.</summary>
    Waiting,
    Running,
    /// <summary>Running, but blocked on a host that does not resolve yet (an init container's wait loop).</summary>
    Blocked,
    Terminated,
}
