using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// One simulated controller. It hears every change and says which objects it must look at again; the loop
/// then calls <see cref="Reconcile"/> once per queued object, one at a time. Reconcile writes only what
/// differs, so a settled cluster stays silent.
/// </summary>
public interface IReconciler
{
    void OnEvent(StoreEvent change, ControllerLoop loop);

    void Reconcile(ObjectKey key, ControllerLoop loop);
}
