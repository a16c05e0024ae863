using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>
/// Keeps a live, in-memory copy of the objects checks read and publishes a <see cref="ClusterSnapshot"/>
/// whenever any of them changes. Per kind: LIST, then WATCH from the list's resourceVersion; a watch
/// that ends is resumed from the last resourceVersion, a 410 Gone re-lists, a lost connection publishes
/// <see cref="ClusterSnapshot.Unreachable"/> and retries with backoff (1 s doubling to 10 s), then re-lists.
/// While nothing changes it makes no requests: only the long-lived watch connections stay open.
/// The questions of <c>canI</c> checks are put to the authorizer (one SubjectAccessReview each) with the first
/// snapshot and again after each change to a Role or RoleBinding the watcher holds, the objects that change answers.
/// </summary>
public sealed class SnapshotWatcher : IAsyncDisposable
{
    private readonly ClusterConnection _connection;
    private readonly string? _namespace;
    private readonly SnapshotWatcherOptions _options;
    private readonly IReadOnlyList<ResourceKind> _kinds;
    private readonly Dictionary<ResourceKind, KindState> _states;
    private readonly object _gate = new();
    private readonly object _publishGate = new();
    private readonly List<Channel<ClusterSnapshot>> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly IReadOnlyList<AccessQuestion> _questions;
    // One publish at a time, so asking the authorizer (awaited) never lets an older snapshot overtake a newer one.
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private Task[] _loops = [];
    private long _version;
    private long _publishedVersion;
    private bool _publishScheduled;
    private long _accessVersion;
    private long _answeredVersion = -1;
    private IReadOnlyDictionary<AccessQuestion, AccessAnswer>? _answers;

    /// <param name="learnerNamespace">The namespace namespaced kinds are watched in; null watches them across all namespaces.</param>
    public SnapshotWatcher(ClusterConnection connection, IEnumerable<ResourceKind> kinds, string? learnerNamespace, SnapshotWatcherOptions? options = null,
        IEnumerable<AccessQuestion>? questions = null)
    {
        _connection = connection;
        _namespace = learnerNamespace;
        _options = options ?? new SnapshotWatcherOptions();
        _kinds = kinds.Distinct().ToList();
        _states = _kinds.ToDictionary(k => k, _ => new KindState());
        _questions = (questions ?? []).Distinct().ToList();
    }

    /// <summary>Raised on a pool thread with each new snapshot; handlers must be quick (hand off to the UI thread).</summary>
    public event Action<ClusterSnapshot>? SnapshotChanged;

    /// <summary>The last snapshot published, or null before every kind has been listed once.</summary>
    public ClusterSnapshot? Latest { get; private set; }

    /// <summary>Why the cluster counts as unreachable right now, or null when it answers.</summary>
    public string? LastError { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            if (_loops.Length > 0) return;
            _loops = _kinds.Select(kind => Task.Run(() => RunKindAsync(kind, _stop.Token))).ToArray();
            if (_loops.Length == 0) SchedulePublishLocked(force: true);
        }
    }

    /// <summary>Starts the watcher if needed and yields the latest snapshot, then each newer one (a slow reader skips to the newest).</summary>
    public async IAsyncEnumerable<ClusterSnapshot> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<ClusterSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_publishGate)
        {
            _subscribers.Add(channel);
            if (Latest is not null) channel.Writer.TryWrite(Latest);
        }

        Start();
        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_publishGate) _subscribers.Remove(channel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        lock (_publishGate)
        {
            foreach (var subscriber in _subscribers) subscriber.Writer.TryComplete();
        }

        // A publish still asking the authorizer holds the stop token; let it see the cancellation first.
        await _publishing.WaitAsync().ConfigureAwait(false);
        _publishing.Release();
        _stop.Dispose();
    }

    private async Task RunKindAsync(ResourceKind kind, CancellationToken stop)
    {
        var backoff = _options.InitialBackoff;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var resource = await _connection.Resources.TryResolveAsync(kind, stop).ConfigureAwait(false);
                if (resource is null)
                {
                    // Not served: always empty. Nothing to watch, so no request is ever made for it again.
                    Replace(kind, []);
                    return;
                }

                var scope = resource.Namespaced ? _namespace : null;
                var list = await ListWatchClient.ListAsync(_connection, resource, scope, stop, _options.FieldSelector, _options.LabelSelector).ConfigureAwait(false);
                Replace(kind, list.Items);
                backoff = _options.InitialBackoff;
                await WatchUntilRelistAsync(kind, resource, scope, list.ResourceVersion, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ClusterException e) when (e.Failure == ClusterFailure.Forbidden && WellKnownKinds.IsDiagnosisOnly(kind))
            {
                // Read only to explain a failure: without the right to list it, the diagnosis says less, the checks still run.
                Replace(kind, []);
                return;
            }
            catch (Exception e)
            {
                MarkFailed(kind, e is ClusterException known ? known.Message : ClusterErrors.From(e, _connection.Server, $"watch {kind}").Message);
                try
                {
                    await Task.Delay(backoff, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Watches from <paramref name="resourceVersion"/>, resuming after each ended watch, until a re-list is needed.</summary>
    private async Task WatchUntilRelistAsync(ResourceKind kind, ApiResource resource, string? scope, string resourceVersion, CancellationToken stop)
    {
        var timeoutSeconds = Math.Max(1, (int)_options.WatchTimeout.TotalSeconds);
        var resumedAfterDrop = false;
        while (true)
        {
            var opened = DateTime.UtcNow;
            var events = 0;
            try
            {
                await foreach (var change in ListWatchClient.WatchAsync(_connection, resource, scope, resourceVersion, timeoutSeconds, stop, _options.FieldSelector, _options.LabelSelector).ConfigureAwait(false))
                {
                    events++;
                    resumedAfterDrop = false;
                    switch (change.Type)
                    {
                        case WatchEvent.Added or WatchEvent.Modified:
                            Upsert(kind, resource, change.Object);
                            break;
                        case WatchEvent.Deleted:
                            Remove(kind, change.Object);
                            break;
                        case WatchEvent.Error:
                            // 410 Gone (or any other error event): what we hold may be stale, so start over from a LIST.
                            if (change.Status?.Code is not 410) await Task.Delay(_options.InitialBackoff, stop).ConfigureAwait(false);
                            return;
                    }

                    resourceVersion = change.ResourceVersion ?? resourceVersion;
                }
            }
            catch (ClusterException e) when (e.Failure == ClusterFailure.Gone)
            {
                return;
            }
            catch (ClusterException e) when (e.Failure == ClusterFailure.Unreachable && !resumedAfterDrop)
            {
                // A dropped line is resumed once from where we were; if the server is really gone the
                // resumed watch fails too and the caller reports the cluster unreachable.
                resumedAfterDrop = true;
                continue;
            }

            // The server ended the watch (its timeout): resume from the last resourceVersion. A server that ends
            // watches at once would make this spin, so a watch that ended quickly and empty waits a moment.
            if (events == 0 && DateTime.UtcNow - opened < TimeSpan.FromSeconds(1))
            {
                await Task.Delay(_options.InitialBackoff, stop).ConfigureAwait(false);
            }
        }
    }

    private void Replace(ResourceKind kind, IEnumerable<JsonObject> items)
    {
        lock (_gate)
        {
            var state = _states[kind];
            state.Objects.Clear();
            foreach (var item in items) state.Objects[SnapshotBuilder.KeyOf(item)] = item;
            state.Listed = true;
            state.Error = null;
            _version++;
            if (ChangesAnswers(kind)) _accessVersion++;
            SchedulePublishLocked();
        }
    }

    private void Upsert(ResourceKind kind, ApiResource resource, JsonObject item)
    {
        item["apiVersion"] ??= resource.Kind.ApiVersion;
        item["kind"] ??= resource.Kind.Kind;
        lock (_gate)
        {
            _states[kind].Objects[SnapshotBuilder.KeyOf(item)] = item;
            _version++;
            if (ChangesAnswers(kind)) _accessVersion++;
            SchedulePublishLocked();
        }
    }

    private void Remove(ResourceKind kind, JsonObject item)
    {
        lock (_gate)
        {
            if (!_states[kind].Objects.Remove(SnapshotBuilder.KeyOf(item))) return;
            _version++;
            if (ChangesAnswers(kind)) _accessVersion++;
            SchedulePublishLocked();
        }
    }

    private void MarkFailed(ResourceKind kind, string message)
    {
        lock (_gate)
        {
            var state = _states[kind];
            var changed = state.Error is null;
            state.Error = message;
            if (!changed) return;
            _version++;
            SchedulePublishLocked();
        }
    }

    private void SchedulePublishLocked(bool force = false)
    {
        if (force) _publishedVersion = -1;
        if (_publishScheduled) return;
        _publishScheduled = true;
        _ = Task.Delay(_options.CoalesceDelay).ContinueWith(_ => PublishAsync(), TaskScheduler.Default).Unwrap();
    }

    private static bool ChangesAnswers(ResourceKind kind) => kind == WellKnownKinds.Role || kind == WellKnownKinds.RoleBinding;

    private async Task PublishAsync()
    {
        await _publishing.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stop.IsCancellationRequested) return;
            ClusterSnapshot snapshot;
            long accessVersion;
            lock (_gate)
            {
                _publishScheduled = false;
                if (_version == _publishedVersion) return;
                var failed = _states.Values.FirstOrDefault(s => s.Error is not null);
                if (failed is not null)
                {
                    LastError = failed.Error;
                    snapshot = ClusterSnapshot.Unreachable(_namespace ?? "");
                }
                else if (_states.Values.Any(s => !s.Listed))
                {
                    // Until every kind has been listed once a snapshot would claim objects are absent that merely are not read yet.
                    return;
                }
                else
                {
                    LastError = null;
                    snapshot = SnapshotBuilder.Build(_namespace ?? "", _states.Select(p => new KeyValuePair<ResourceKind, IEnumerable<JsonObject>>(p.Key, p.Value.Objects.Values)));
                }

                _publishedVersion = _version;
                accessVersion = _accessVersion;
            }

            if (snapshot.Reachable && _questions.Count > 0)
            {
                if (_answers is null || _answeredVersion != accessVersion)
                {
                    try
                    {
                        _answers = await AccessReviewer.AskAsync(_connection, _questions, _namespace ?? "", _stop.Token).ConfigureAwait(false);
                        _answeredVersion = accessVersion;
                    }
                    catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (ClusterException e)
                    {
                        // The line dropped between the lists and the reviews: say so, and ask again after a pause.
                        _answers = null;
                        LastError = e.Message;
                        snapshot = ClusterSnapshot.Unreachable(_namespace ?? "");
                        _ = Task.Delay(_options.InitialBackoff, _stop.Token).ContinueWith(t =>
                        {
                            if (t.IsCanceled) return;
                            lock (_gate) SchedulePublishLocked(force: true);
                        }, TaskScheduler.Default);
                    }
                }

                if (_answers is not null) snapshot = snapshot.WithAnswers(_answers);
            }

            lock (_publishGate)
            {
                if (Latest is { Reachable: false } && !snapshot.Reachable) return;
                Latest = snapshot;
                foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(snapshot);
                SnapshotChanged?.Invoke(snapshot);
            }
        }
        finally
        {
            _publishing.Release();
        }
    }

    private sealed class KindState
    {
        public Dictionary<string, JsonObject> Objects { get; } = new(StringComparer.Ordinal);

        public bool Listed { get; set; }

        public string? Error { get; set; }
    }
}
