namespace Tutor.Sandbox.Controllers;

/// <summary>
/// A CronJob schedule: five fields (minute hour day-of-month month day-of-week) with lists, ranges, steps and
/// names, or a macro such as <c>@hourly</c>. When both day fields are restricted, either may match, as in cron.
/// </summary>
public sealed class CronSchedule
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *", ["@annually"] = "0 0 1 1 *", ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0", ["@daily"] = "0 0 * * *", ["@midnight"] = "0 0 * * *", ["@hourly"] = "0 * * * *",
    };

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _minutes, _hours, _days, _months, _weekdays;
    private readonly bool _anyDay, _anyWeekday;

    private CronSchedule(bool[] minutes, bool[] hours, bool[] days, bool[] months, bool[] weekdays, bool anyDay, bool anyWeekday)
    {
        (_minutes, _hours, _days, _months, _weekdays, _anyDay, _anyWeekday) = (minutes, hours, days, months, weekdays, anyDay, anyWeekday);
    }

    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static CronSchedule? Parse(string text, out string? error)
    {
        error = null;
        var expression = text.Trim();
        if (Macros.TryGetValue(expression, out var expanded)) expression = expanded;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"expected exactly 5 fields, found {fields.Length}: [{string.Join(" ", fields)}]";
            return null;
        }

        var minutes = Field(fields[0], 0, 59, null, out error);
        var hours = error is null ? Field(fields[1], 0, 23, null, out error) : null;
        var days = error is null ? Field(fields[2], 1, 31, null, out error) : null;
        var months = error is null ? Field(fields[3], 1, 12, MonthNames, out error) : null;
        var weekdays = error is null ? Field(fields[4], 0, 7, DayNames, out error) : null;
        if (error is not null) return null;
        if (weekdays![7]) weekdays[0] = true;
        return new CronSchedule(minutes!, hours!, days!, months!, weekdays, IsAny(fields[2]), IsAny(fields[4]));
    }

    /// <summary>The first time strictly after <paramref name="after"/> the schedule fires, in <paramref name="zone"/>; null if none within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var end = t.AddYears(5);
        while (t < end)
        {
            if (!_months[t.Month]) { t = new DateTime(t.Year, t.Month, 1).AddMonths(1); continue; }
            if (!DayMatches(t)) { t = t.Date.AddDays(1); continue; }
            if (!_hours[t.Hour]) { t = t.Date.AddHours(t.Hour + 1); continue; }
            if (!_minutes[t.Minute]) { t = t.AddMinutes(1); continue; }
            if (zone.IsInvalidTime(t)) { t = t.AddMinutes(1); continue; }
            return new DateTimeOffset(t, zone.GetUtcOffset(t));
        }

        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var day = _days[t.Day];
        var weekday = _weekdays[(int)t.DayOfWeek];
        if (_anyDay || _anyWeekday) return day && weekday;
        return day || weekday;
    }

    private static bool IsAny(string field) => field is "*" or "?" || field.StartsWith("*/", StringComparison.Ordinal);

    private static bool[]? Field(string field, int min, int max, string[]? names, out string? error)
    {
        error = null;
        var set = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var (range, stepText) = part.IndexOf('/') is var slash and >= 0 ? (part[..slash], part[(slash + 1)..]) : (part, null);
            var step = 1;
            if (stepText is not null && (!int.TryParse(stepText, out step) || step <= 0))
            {
                error = $"failed to parse int from {stepText}";
                return null;
            }

            int low, high;
            if (range is "*" or "?") (low, high) = (min, max);
            else
            {
                var dash = range.IndexOf('-');
                if (!Value(dash >= 0 ? range[..dash] : range, names, min, out low, out error)) return null;
                high = low;
                if (dash >= 0 && !Value(range[(dash + 1)..], names, min, out high, out error)) return null;
                if (dash < 0 && stepText is not null) high = max;
            }

            if (low < min || high > max || low > high)
            {
                error = $"end of range ({high}) above maximum ({max}): {part}";
                if (low < min) error = $"beginning of range ({low}) below minimum ({min}): {part}";
                if (low > high && high <= max) error = $"beginning of range ({low}) beyond end of range ({high}): {part}";
                return null;
            }

            for (var v = low; v <= high; v += step) set[v] = true;
        }

        return set;
    }

    private static bool Value(string text, string[]? names, int offset, out int value, out string? error)
    {
        error = null;
        if (int.TryParse(text, out value) && value >= 0) return true;
        var index = names is null ? -1 : Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            value = index + (offset == 1 ? 1 : 0);
            return true;
        }

        error = $"failed to parse int from {text}: strconv.Atoi: parsing \"{text}\": invalid syntax";
        return false;
    }
}
