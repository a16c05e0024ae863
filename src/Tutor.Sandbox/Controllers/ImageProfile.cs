namespace Tutor.Sandbox.Controllers;

/// <summary>How containers of one image behave in the sandbox.</summary>
public sealed record ImageProfile(
    IReadOnlyList<string> Tags,
    bool Shell,
    IReadOnlyList<IReadOnlyList<string>> RequiresEnv,
    IReadOnlyList<string> RequiresServices);
