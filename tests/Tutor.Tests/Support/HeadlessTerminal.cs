using System.Runtime.CompilerServices;

namespace Tutor.Tests.Support;

/// <summary>
/// Keeps the in-process screens off the terminal of whoever runs the tests.
/// </summary>
/// <remarks>
/// Terminal.Gui's drivers look for a controlling terminal through /dev/tty even when the test host's
/// standard streams are redirected. Found, it is put into raw mode and drawn on: `dotnet test` in a
/// terminal switches that terminal to its alternate screen, and a test host in a background process
/// group of a terminal (as some CI runners start it) is stopped by SIGTTOU and never finishes.
/// </remarks>
internal static class HeadlessTerminal
{
    /// <summary>The variable Terminal.Gui reads to skip the real terminal.</summary>
    public const string Variable = "DisableRealDriverIO";

    [ModuleInitializer]
    internal static void Enable() => Environment.SetEnvironmentVariable(Variable, "1");
}
