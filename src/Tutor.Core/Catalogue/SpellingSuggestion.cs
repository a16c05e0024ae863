namespace Tutor.Core.Catalogue;

/// <summary>Finds the known name a misspelt one was probably meant to be, for "did you mean" hints.</summary>
public static class SpellingSuggestion
{
    /// <summary>The closest candidate, or null when none is close enough to be a plausible typo.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                return candidate;
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // A third of the longer name keeps "stpes"→"steps" and "contianers"→"containers" while
        // refusing to relate unrelated short words.
        if (best is null) return null;
        var allowed = Math.Max(1, Math.Max(name.Length, best.Length) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" (did you mean "x"?)" or an empty string, ready to append to a message.</summary>
    public static string Hint(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $" (did you mean \"{match}\"?)" : "";

    // Optimal string alignment distance: like Levenshtein, but a swap of two neighbours costs one,
    // which is the most common typing slip.
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
