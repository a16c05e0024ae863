namespace Tutor.Core.Checks;

/// <summary>
/// One declarative check of a step, parsed from the step's checks file. Concrete kinds (match,
/// exists, absent, count, rolledOut, endpoints, reachable, canI, …) derive from it.
/// </summary>
public abstract record Check(string Title, string? Hint, int Line)
{
    /// <summary>The kinds of object this check reads; the checker lists and watches exactly these.</summary>
    public abstract IEnumerable<ResourceKind> Reads { get; }

    /// <summary>The questions this check puts to the API server's authorizer (only <c>canI</c> asks any).</summary>
    public virtual IEnumerable<AccessQuestion> Asks => [];
}
