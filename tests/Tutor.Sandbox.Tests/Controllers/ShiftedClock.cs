namespace Tutor.Sandbox.Tests.Controllers;

/// <summary>The real clock moved by a fixed offset: timers still run in real time, but "now" can sit just before a cron minute.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
