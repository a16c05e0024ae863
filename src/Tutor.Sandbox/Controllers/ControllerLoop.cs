using System.Threading.Channels;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// The single thread every simulated controller runs on: store changes and due timers become queued
/// (controller, object) pairs, each handled once however often it was queued. Nothing runs while nothing
/// changes and no timer is due.
/// </summary>
public sealed class ControllerLoop
{
    private readonly Channel<(IReconciler, ObjectKey)> _queue = Channel.CreateUnbounded<(IReconciler, ObjectKey)>();
    private readonly HashSet<(IReconciler, ObjectKey)> _pending = new();
    private readonly object _gate = new();
    private readonly List<IReconciler> _reconcilers = new();

    public ControllerLoop(ObjectStore store, SandboxOptions options)
    {
        Store = store;
        Options = options;
        Events = new EventRecorder(store);
    }

    public ObjectStore Store { get; }

    public SandboxOptions Options { get; }

    public EventRecorder Events { get; }

    public TimeProvider Clock => Options.Clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public string Timestamp() => Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public void Add(IReconciler reconciler) => _reconcilers.Add(reconciler);

    public void Enqueue(IReconciler reconciler, ObjectKey key)
    {
        lock (_gate)
        {
            if (!_pending.Add((reconciler, key))) return;
        }

        _queue.Writer.TryWrite((reconciler, key));
    }

    /// <summary>Queues <paramref name="key"/> for <paramref name="reconciler"/> after <paramref name="delay"/>.</summary>
    public void EnqueueAfter(TimeSpan delay, IReconciler reconciler, ObjectKey key, CancellationToken cancellationToken = default)
    {
        if (delay <= TimeSpan.Zero)
        {
            Enqueue(reconciler, key);
            return;
        }

        ITimer? timer = null;
        timer = Clock.CreateTimer(_ =>
        {
            timer?.Dispose();
            Enqueue(reconciler, key);
        }, null, delay, Timeout.InfiniteTimeSpan);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var feed = Store.Subscribe(_ => true);
        var listen = Task.Run(async () =>
        {
            await foreach (var change in feed.Events.ReadAllAsync(cancellationToken))
                foreach (var reconciler in _reconcilers) reconciler.OnEvent(change, this);
        }, cancellationToken);

        // Everything that exists at start (the seed) is looked at once.
        foreach (var type in ResourceTypes.All)
            foreach (var item in Store.List(type).Items)
                foreach (var reconciler in _reconcilers)
                    reconciler.OnEvent(new StoreEvent("ADDED", type, item, 0), this);

        try
        {
            await foreach (var (reconciler, key) in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                lock (_gate) _pending.Remove((reconciler, key));
                try
                {
                    reconciler.Reconcile(key, this);
                }
                catch (StoreConflictException)
                {
                    // Someone changed or removed the object meanwhile; its change event queues it again.
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
                {
                    // A malformed object must not stop every controller; it stays as it is.
                }
            }
        }
        finally
        {
            await listen.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
