using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers.Probes;

/// <summary>
/// The kubelet's prober for one container instance, worked out in probe seconds since it started: when the
/// startup probe lets the others run, when readiness holds, when a failed probe is first reported, and when
/// liveness (or startup) failures reach their threshold and the container is killed.
/// </summary>
public sealed class ProbeTimeline
{
    private readonly List<double> _moments = new();

    public ProbeTimeline(JsonObject container, ImageProfile profile, string ip)
    {
        StartedAt = 0;
        if (container["startupProbe"] is JsonObject startup)
        {
            var (fails, message) = ProbeCheck.Of(startup, container, profile, ip);
            var (begin, period, threshold) = Timing(startup, 0);
            if (fails is { } f && f <= begin)
            {
                StartedAt = double.PositiveInfinity;
                Failures.Add(("Startup", begin, message));
                KillAt = begin + (threshold - 1) * period;
                KillProbe = "startup";
            }
            else StartedAt = begin;
        }

        ReadyFrom = StartedAt;
        if (container["readinessProbe"] is JsonObject readiness && !double.IsInfinity(StartedAt))
        {
            var (fails, message) = ProbeCheck.Of(readiness, container, profile, ip);
            var (begin, period, threshold) = Timing(readiness, StartedAt);
            ReadyFrom = begin;
            if (FirstFailure(fails, begin, period) is { } first)
            {
                Failures.Add(("Readiness", first, message));
                if (first <= begin) ReadyFrom = double.PositiveInfinity;
                else ReadyUntil = first + (threshold - 1) * period;
            }
        }

        if (container["livenessProbe"] is JsonObject liveness && !double.IsInfinity(StartedAt))
        {
            var (fails, message) = ProbeCheck.Of(liveness, container, profile, ip);
            var (begin, period, threshold) = Timing(liveness, StartedAt);
            if (FirstFailure(fails, begin, period) is { } first)
            {
                Failures.Add(("Liveness", first, message));
                KillAt = first + (threshold - 1) * period;
                KillProbe = "liveness";
            }
        }

        _moments.AddRange(new[] { StartedAt, ReadyFrom, ReadyUntil, KillAt }.Where(double.IsFinite));
        _moments.AddRange(Failures.Select(f => f.At));
    }

    /// <summary>When the container counts as started (the startup probe passed); infinite when it never will.</summary>
    public double StartedAt { get; }

    public double ReadyFrom { get; }

    public double ReadyUntil { get; } = double.PositiveInfinity;

    public double KillAt { get; } = double.PositiveInfinity;

    /// <summary>Which probe kills the container at <see cref="KillAt"/>: liveness or startup.</summary>
    public string? KillProbe { get; }

    /// <summary>Each failing probe (Readiness, Liveness, Startup), when it first fails and what it reports.</summary>
    public List<(string Probe, double At, string Message)> Failures { get; } = new();

    public bool Started(double at) => at >= StartedAt;

    public bool Ready(double at) => at >= ReadyFrom && at < ReadyUntil;

    /// <summary>The next moment after <paramref name="at"/> when anything changes, if any.</summary>
    public double? NextAfter(double at) => _moments.Where(m => m > at).DefaultIfEmpty(double.NaN).Min() is var next && double.IsNaN(next) ? null : next;

    private static (double Begin, double Period, int Threshold) Timing(JsonObject probe, double notBefore) => (
        Math.Max(notBefore, Meta.Int(probe["initialDelaySeconds"])),
        Math.Max(1, Meta.Int(probe["periodSeconds"], 10)),
        Math.Max(1, Meta.Int(probe["failureThreshold"], 3)));

    /// <summary>The first probe time at or after the probe starts failing.</summary>
    private static double? FirstFailure(double? failsFrom, double begin, double period) =>
        failsFrom is not { } f ? null : f <= begin ? begin : begin + Math.Ceiling((f - begin) / period) * period;
}
