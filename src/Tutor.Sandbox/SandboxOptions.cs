namespace Tutor.Sandbox;

public sealed record SandboxOptions
{
    /// <summary>0 picks a free port on 127.0.0.1.</summary>
    public int Port { get; init; }

    /// <summary>How long a simulated container takes from scheduled to Running and Ready.</summary>
    public TimeSpan PodStartDelay { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How long one second of a probe's timing (initialDelaySeconds, periodSeconds) lasts: shorter than a real second
    /// so a learner sees a failing liveness probe restart a container in moments rather than half a minute.
    /// </summary>
    public TimeSpan ProbeSecond { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The cluster's clock (timestamps, delays); tests may pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A folder that keeps the cluster's objects across restarts; null keeps them in memory only.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where the server reports what a person should know (e.g. a journal record lost to a crash).</summary>
    public Action<string>? Log { get; init; }
}
