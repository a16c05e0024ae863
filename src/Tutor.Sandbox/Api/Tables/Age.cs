namespace Tutor.Sandbox.Api.Tables;

/// <summary>How kubectl words an age: 45s, 3m12s, 12m, 5h3m, 2d4h, 30d.</summary>
public static class Age
{
    public static string Of(string? timestamp, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(timestamp, out var then)) return "<unknown>";
        var span = now - then;
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var s = (int)span.TotalSeconds;
        if (s < 120) return $"{s}s";
        var m = (int)span.TotalMinutes;
        if (m < 10) return s % 60 == 0 ? $"{m}m" : $"{m}m{s % 60}s";
        if (span.TotalHours < 3) return $"{m}m";
        var h = (int)span.TotalHours;
        if (h < 8) return m % 60 == 0 ? $"{h}h" : $"{h}h{m % 60}m";
        if (h < 48) return $"{h}h";
        var d = (int)span.TotalDays;
        if (d < 8) return h % 24 == 0 ? $"{d}d" : $"{d}d{h % 24}h";
        return d < 365 * 2 ? $"{d}d" : $"{d / 365}y";
    }
}
