namespace Tutor.Core.Checks;

/// <summary>
/// How many objects a count, endpoints or selects check accepts: at least <see cref="Min"/>, at most
/// <see cref="Max"/>, or exactly <see cref="Exactly"/> (written <c>equals</c> in a checks file).
/// </summary>
public sealed record CountBounds(int? Min, int? Max, int? Exactly)
{
    public bool Accepts(int count) =>
        (Exactly is not { } e || count == e) &&
        (Min is not { } min || count >= min) &&
        (Max is not { } max || count <= max);

    /// <summary>The number the bounds are phrased around, to choose "1 Pod" or "3 Pods" in a message.</summary>
    public int Reference => Exactly ?? Min ?? Max ?? 0;

    /// <summary>The bounds in words: "at least 3", "exactly 1", "between 1 and 3", "at most 0".</summary>
    public string Describe() => (Exactly, Min, Max) switch
    {
        ({ } e, _, _) => $"exactly {e}",
        (null, { } min, { } max) when min == max => $"exactly {min}",
        (null, { } min, { } max) => $"between {min} and {max}",
        (null, { } min, null) => $"at least {min}",
        (null, null, { } max) => $"at most {max}",
        _ => "any number of",
    };
}
