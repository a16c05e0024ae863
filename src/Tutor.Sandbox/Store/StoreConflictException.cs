namespace Tutor.Sandbox.Store;

/// <summary>Thrown when a write cannot happen: the object exists already (create), is gone (update), or changed meanwhile.</summary>
public sealed class StoreConflictException(StoreConflictReason reason, ObjectKey key, string message) : Exception(message)
{
    public StoreConflictReason Reason { get; } = reason;

    public ObjectKey Key { get; } = key;
}
