using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// The current <see cref="RbacPolicy"/>, rebuilt from the store only after an RBAC object changed, so an
/// ordinary request never scans the store.
/// </summary>
public sealed class RbacIndex : IDisposable
{
    private readonly ObjectStore _store;
    private readonly StoreSubscription _subscription;
    private long _generation;
    private Snapshot? _cached;

    public RbacIndex(ObjectStore store)
    {
        _store = store;
        // The filter only counts RBAC changes; it lets no event through, so nothing queues up.
        _subscription = store.Subscribe(e =>
        {
            if (e.Resource.Group == "rbac.authorization.k8s.io") Interlocked.Increment(ref _generation);
            return false;
        });
    }

    public RbacPolicy Policy
    {
        get
        {
            if (Volatile.Read(ref _cached) is { } cached && cached.Generation == Interlocked.Read(ref _generation)) return cached.Policy;
            // Store writes publish under the store's lock, so the generation read here belongs to these lists.
            var built = _store.Atomically(() => new Snapshot(
                RbacPolicy.From(_store.List(ResourceTypes.ClusterRole).Items, _store.List(ResourceTypes.Role).Items,
                    _store.List(ResourceTypes.ClusterRoleBinding).Items, _store.List(ResourceTypes.RoleBinding).Items),
                Interlocked.Read(ref _generation)));
            Volatile.Write(ref _cached, built);
            return built.Policy;
        }
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record Snapshot(RbacPolicy Policy, long Generation);
}
