using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>Deletes objects whose owners (by uid in ownerReferences) are all gone: Deployment → ReplicaSets → Pods.</summary>
public sealed class GarbageCollector : IReconciler
{
    private readonly Dictionary<ObjectKey, string> _deletedUids = new();

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Type != "DELETED" || change.Resource == ResourceTypes.Event) return;
        var uid = Meta.Uid(change.Object);
        if (uid.Length == 0) return;
        var key = Meta.Key(change.Resource, change.Object);
        lock (_deletedUids) _deletedUids[key] = uid;
        loop.Enqueue(this, key);
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        string? uid;
        lock (_deletedUids)
        {
            if (!_deletedUids.Remove(key, out uid)) return;
        }

        var namespaces = key.Type.Namespaced ? [key.Namespace] : loop.Store.List(ResourceTypes.Namespace).Items.Select(Meta.Name).ToArray();
        foreach (var ns in namespaces)
        {
            foreach (var type in ResourceTypes.All.Where(t => t.Namespaced && t != ResourceTypes.Event))
            {
                foreach (var item in loop.Store.List(type, ns).Items)
                {
                    if (!Meta.OwnedBy(item, uid)) continue;
                    var owners = item["metadata"]!["ownerReferences"]!.AsArray();
                    var otherOwnerAlive = owners.Any(r => r?["uid"]?.GetValue<string>() != uid && r?["name"] is not null
                        && ResourceTypes.All.FirstOrDefault(t => t.Kind == r["kind"]?.GetValue<string>()) is { } ownerType
                        && loop.Store.Get(new ObjectKey(ownerType, ownerType.Namespaced ? ns : "", r["name"]!.GetValue<string>())) is { } owner
                        && Meta.Uid(owner) == r["uid"]?.GetValue<string>());
                    if (!otherOwnerAlive) loop.Store.Delete(Meta.Key(type, item));
                }
            }
        }
    }
}
