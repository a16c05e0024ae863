using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// Writes a learner's <see cref="ClassroomProgressRecord"/> into <see cref="ClassroomNames.ProgressConfigMap"/> by
/// server-side apply. Changes closer together than the debounce delay become one write, and a record that says
/// what the last one said is not written at all, so an idle learner makes no request. A failed write is retried a few
/// times with backoff and then left until the next change.
/// </summary>
public sealed class ClassroomProgressPublisher : IAsyncDisposable
{
    private const int MaxAttempts = 4;
    private readonly ClusterConnection _connection;
    private readonly string _namespace;
    private readonly string _classroom;
    private readonly TimeSpan _debounce;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private ClassroomProgressRecord? _latest;
    private ClassroomProgressRecord? _written;
    private long _writes;

    public ClassroomProgressPublisher(ClusterConnection connection, string learnerNamespace, string classroom, ClassroomProgressRecord? published, TimeSpan debounce)
    {
        _connection = connection;
        _namespace = learnerNamespace;
        _classroom = classroom;
        _debounce = debounce;
        _latest = _written = published;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The newest record offered (written or about to be).</summary>
    public ClassroomProgressRecord? Latest
    {
        get { lock (_gate) return _latest; }
    }

    /// <summary>Records written so far, for tests and benchmarks.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Why the last write failed, or null after a write succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised after each successful write.</summary>
    public event Action<ClassroomProgressRecord>? Written;

    /// <summary>Computes the next record from the latest one and schedules it, unless it says nothing new.</summary>
    public void Offer(Func<ClassroomProgressRecord?, ClassroomProgressRecord> next)
    {
        lock (_gate)
        {
            var record = next(_latest);
            if (ClassroomProgressBuilder.SameContent(record, _latest)) return;
            _latest = record;
        }

        _wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            await _wake.WaitAsync(stop).ConfigureAwait(false);
            await Task.Delay(_debounce, stop).ConfigureAwait(false);
            // Every offer in the debounce window is folded into this one write.
            while (_wake.CurrentCount > 0) await _wake.WaitAsync(stop).ConfigureAwait(false);
            var backoff = TimeSpan.FromSeconds(1);
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                ClassroomProgressRecord record;
                lock (_gate)
                {
                    if (_latest is null || ReferenceEquals(_latest, _written)) break;
                    record = _latest;
                }

                try
                {
                    await WriteAsync(record, stop).ConfigureAwait(false);
                    lock (_gate) _written = record;
                    LastError = null;
                    Interlocked.Increment(ref _writes);
                    Written?.Invoke(record);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    LastError = ClusterErrors.From(e, _connection.Server, $"write {ClassroomNames.ProgressConfigMap} in namespace {_namespace}").Message;
                    if (attempt < MaxAttempts) await Task.Delay(backoff, stop).ConfigureAwait(false);
                    backoff *= 2;
                }
            }
        }
    }

    private Task WriteAsync(ClassroomProgressRecord record, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = ClassroomNames.ProgressConfigMap,
                ["namespace"] = _namespace,
                // Labelled like the room, so one watch with a label selector sees every learner's progress.
                ["labels"] = new JsonObject
                {
                    [ClassroomNames.ClassroomLabel] = _classroom,
                    [ClassroomNames.LearnerLabel] = record.Learner,
                    [TutorLabels.ManagedBy] = TutorLabels.ManagedByValue,
                },
            },
            ["data"] = new JsonObject { [ClassroomNames.ProgressKey] = ClassroomProgressJson.Write(record) },
        };
        return _connection.Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            "", "v1", _namespace, "configmaps", ClassroomNames.ProgressConfigMap, fieldManager: TutorLabels.FieldManager, force: true,
            cancellationToken: cancellationToken);
    }
}
