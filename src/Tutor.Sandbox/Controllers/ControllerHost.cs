using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>Seeds the objects a new cluster has and runs the simulated controllers until cancelled.</summary>
public static class ControllerHost
{
    /// <summary>Creates what a fresh cluster has before anyone writes to it (namespaces, nodes, …). Called once, before serving.</summary>
    public static void Seed(ObjectStore store, SandboxOptions options)
    {
        // Written with the controllers.
    }

    /// <summary>Runs every controller until <paramref name="cancellationToken"/> fires.</summary>
    public static Task RunAsync(ObjectStore store, SandboxOptions options, CancellationToken cancellationToken) => Task.CompletedTask;
}
