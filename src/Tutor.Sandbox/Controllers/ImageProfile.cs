namespace Tutor.Sandbox.Controllers;

/// <summary>
/// How containers of one image behave in the sandbox. <see cref="Ports"/> are the ports its server listens on
/// (probes to others are refused); <see cref="Paths"/> the HTTP paths it answers (null: every path answers);
/// <see cref="Client"/> the client programs it also ships, which run instead of the server when named as the command.
/// </summary>
public sealed record ImageProfile(
    IReadOnlyList<string> Tags,
    bool Shell,
    IReadOnlyList<IReadOnlyList<string>> RequiresEnv,
    IReadOnlyList<string> RequiresServices,
    IReadOnlyList<int>? Ports = null,
    IReadOnlyList<string>? Paths = null,
    ImageClient? Client = null);
