using System.Globalization;

namespace Tutor.Core.Checks;

/// <summary>
/// Kubernetes resource quantities (<c>500m</c>, <c>1.5</c>, <c>128Mi</c>, <c>2k</c>, <c>1e3</c>) as
/// decimals, so <c>$gte: 256Mi</c> compares by value whatever suffix the live object uses.
/// </summary>
public static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        // Two-letter binary suffixes first, so "Mi" is not read as "M" followed by junk.
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m),
        ("T", 1e12m), ("P", 1e15m), ("E", 1e18m),
    ];

    public static decimal Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"\"{text}\" is not a Kubernetes quantity");

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();

        // The number: optional sign, digits, optional fraction.
        var end = 0;
        if (end < s.Length && s[end] is '+' or '-')
            end++;
        var digitsStart = end;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
            end++;
        if (end < s.Length && s[end] == '.')
        {
            end++;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
                end++;
        }
        var number = s[..end];
        if (end == digitsStart || number.TrimStart('+', '-') == ".")
            return false;
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mantissa))
            return false;

        var suffix = s[end..];
        if (suffix.Length == 0)
        {
            value = mantissa;
            return true;
        }

        // A decimal exponent: e or E followed by an optionally signed integer ("1e3"). "E" alone is exa.
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            if (exponent is > 28 or < -28)
                return false;
            try
            {
                value = exponent >= 0 ? mantissa * Pow10(exponent) : mantissa / Pow10(-exponent);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        foreach (var (name, factor) in Suffixes)
            if (suffix == name)
            {
                try
                {
                    value = mantissa * factor;
                    return true;
                }
                catch (OverflowException)
                {
                    return false;
                }
            }
        return false;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
