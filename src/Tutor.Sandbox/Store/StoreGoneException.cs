namespace Tutor.Sandbox.Store;

/// <summary>A watch asked to resume from a resourceVersion older than the history the store keeps (HTTP 410 Gone).</summary>
public sealed class StoreGoneException(long requested, long oldest)
    : Exception($"too old resource version: {requested} ({oldest})")
{
    public long Requested { get; } = requested;

    public long Oldest { get; } = oldest;
}
