namespace Tutor.Harness;

/// <summary>The four things the harness proves of a lesson, in the order it proves them.</summary>
public static class HarnessPhase
{
    /// <summary>After reset every step's checks fail: none of them holds on an empty lesson.</summary>
    public const string Reset = "reset";

    /// <summary>Each step's solution, applied in order, makes its checks pass within the step's budget.</summary>
    public const string Solve = "solve";

    /// <summary>A deliberately broken starter manifest makes its step's checks fail, each with a reason.</summary>
    public const string Starter = "starter";

    /// <summary>Reset after solving leaves nothing the lesson made but its setup.</summary>
    public const string Clean = "clean";
}
