using Tutor.Sandbox.Controllers.Scheduling;
using Tutor.Sandbox.Controllers.Storage;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>Seeds the objects a new cluster has and runs the simulated controllers until cancelled.</summary>
public static class ControllerHost
{
    /// <summary>Creates what a fresh cluster has before anyone writes to it (namespaces, nodes, …). Called once, before serving.</summary>
    public static void Seed(ObjectStore store, SandboxOptions options) => ClusterSeed.Apply(store);

    /// <summary>Runs every controller until <paramref name="cancellationToken"/> fires.</summary>
    public static async Task RunAsync(ObjectStore store, SandboxOptions options, CancellationToken cancellationToken)
    {
        var loop = new ControllerLoop(store, options);
        loop.Add(new NamespaceController());
        loop.Add(new DeploymentController());
        loop.Add(new ReplicaSetController());
        loop.Add(new JobController());
        loop.Add(new StatefulSetController());
        loop.Add(new DaemonSetController());
        loop.Add(new CronJobController());
        loop.Add(new Scheduler());
        loop.Add(new PersistentVolumeController());
        loop.Add(new PodLifecycle());
        loop.Add(new EndpointsController());
        loop.Add(new EndpointSliceController());
        loop.Add(new GarbageCollector());
        loop.Add(new ServiceAccountTokenController());
        try
        {
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
