using System.Globalization;

namespace Tutor.Sandbox.Controllers.Scheduling;

/// <summary>Kubernetes quantities (<c>250m</c>, <c>1.5</c>, <c>128Mi</c>, <c>1G</c>) as decimals in base units (cores, bytes).</summary>
public static class ResourceQuantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        // Binary suffixes first so "Mi" is not read as "M" with junk after it.
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 1e-9m), ("u", 1e-6m), ("m", 1e-3m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m), ("E", 1e18m),
    ];

    /// <summary>The value of <paramref name="text"/>, or 0 when it is not a quantity (admission rejects those elsewhere).</summary>
    public static decimal Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        var s = text.Trim();
        foreach (var (suffix, factor) in Suffixes)
            if (s.EndsWith(suffix, StringComparison.Ordinal) && Number(s[..^suffix.Length]) is { } n)
                return n * factor;
        return Number(s) ?? 0;
    }

    private static decimal? Number(string s) =>
        decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
