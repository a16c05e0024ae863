namespace Tutor.Sandbox.Controllers;

/// <summary>
/// The client programs an image also ships (psql and pg_dump in the postgres image). A container whose command is
/// one of them is a client, not the server: it connects to <see cref="HostEnv"/> (or <c>-h</c>) on <see cref="Port"/>
/// and exits with the outcome the sandbox can see (see <see cref="ClientBehaviour"/>).
/// </summary>
public sealed record ImageClient(IReadOnlyList<string> Commands, string HostEnv, int Port);
