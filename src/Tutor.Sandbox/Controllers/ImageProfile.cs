namespace Tutor.Sandbox.Controllers;

/// <summary>
/// How containers of one image behave in the sandbox. <see cref="Ports"/> are the ports its server listens on
/// (probes to others are refused); <see cref="Paths"/> the HTTP paths it answers (null: every path answers).
/// </summary>
public sealed record ImageProfile(
    IReadOnlyList<string> Tags,
    bool Shell,
    IReadOnlyList<IReadOnlyList<string>> RequiresEnv,
    IReadOnlyList<string> RequiresServices,
    IReadOnlyList<int>? Ports = null,
    IReadOnlyList<string>? Paths = null);
