namespace Tutor.Sandbox.Controllers;

/// <summary>What a started container does: keeps running, exits after a while with a code, or waits for hosts to resolve.</summary>
public sealed record ContainerOutcome(ContainerOutcomeKind Kind, int ExitCode = 0, TimeSpan RunFor = default, string? Message = null, IReadOnlyList<string>? Hosts = null)
{
    public static readonly ContainerOutcome Runs = new(ContainerOutcomeKind.Runs);
}

public enum ContainerOutcomeKind
{
    Runs,
    Exits,
    WaitsForHosts,
}
