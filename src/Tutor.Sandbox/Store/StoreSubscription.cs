using System.Threading.Channels;

namespace Tutor.Sandbox.Store;

/// <summary>A live feed of store events; dispose it to stop receiving.</summary>
public sealed class StoreSubscription : IDisposable
{
    private readonly Action<StoreSubscription> _unsubscribe;
    private readonly Channel<StoreEvent> _channel = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });

    internal StoreSubscription(Func<StoreEvent, bool> filter, Action<StoreSubscription> unsubscribe)
    {
        Filter = filter;
        _unsubscribe = unsubscribe;
    }

    internal Func<StoreEvent, bool> Filter { get; }

    public ChannelReader<StoreEvent> Events => _channel.Reader;

    internal void Publish(StoreEvent e)
    {
        if (Filter(e)) _channel.Writer.TryWrite(e);
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
