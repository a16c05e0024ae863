using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Gives every namespace its <c>default</c> ServiceAccount and <c>kube-root-ca.crt</c> ConfigMap, and empties a
/// Terminating namespace before removing it.
/// </summary>
public sealed class NamespaceController : IReconciler
{
    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Resource == ResourceTypes.Namespace && change.Type != "DELETED")
            loop.Enqueue(this, new ObjectKey(ResourceTypes.Namespace, "", change.Name));
        // A namespace's own objects going away may let a Terminating namespace finish.
        else if (change.Type == "DELETED" && change.Resource.Namespaced)
            loop.Enqueue(this, new ObjectKey(ResourceTypes.Namespace, "", change.Namespace));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var ns = loop.Store.Get(key);
        if (ns is null) return;
        if (Meta.IsDeleting(ns))
        {
            var left = 0;
            foreach (var type in ResourceTypes.All.Where(t => t.Namespaced))
            {
                foreach (var item in loop.Store.List(type, key.Name).Items)
                {
                    loop.Store.Delete(Meta.Key(type, item));
                    left++;
                }
            }

            if (left == 0) loop.Store.Delete(key);
            return;
        }

        Ensure(loop.Store, ResourceTypes.ServiceAccount, key.Name, "default", new JsonObject());
        Ensure(loop.Store, ResourceTypes.ConfigMap, key.Name, "kube-root-ca.crt", new JsonObject
        {
            ["data"] = new JsonObject { ["ca.crt"] = "-----BEGIN CERTIFICATE-----\n(simulated cluster: no real certificate)\n-----END CERTIFICATE-----\n" },
        });
    }

    private static void Ensure(ObjectStore store, ResourceType type, string ns, string name, JsonObject body)
    {
        if (store.Get(new ObjectKey(type, ns, name)) is not null) return;
        body["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns };
        try
        {
            store.Create(type, body);
        }
        catch (StoreConflictException)
        {
        }
    }
}
