using System.Runtime.CompilerServices;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// The whole room, live: one watch on the classroom's namespaces and one on its ConfigMaps across all namespaces,
/// both by the classroom label. However many learners, the instructor makes two long-lived requests, not one per learner.
/// </summary>
public sealed class ClassroomRoomWatcher(ClusterConnection connection, string classroom) : IAsyncDisposable
{
    private static readonly ResourceKind NamespaceKind = new("v1", "Namespace");
    private static readonly ResourceKind ConfigMapKind = new("v1", "ConfigMap");

    private readonly SnapshotWatcher _watcher = new(connection, [NamespaceKind, ConfigMapKind], null,
        new SnapshotWatcherOptions { LabelSelector = $"{ClassroomNames.ClassroomLabel}={classroom}", CoalesceDelay = TimeSpan.FromMilliseconds(100) });

    public string Classroom => classroom;

    /// <summary>Why the cluster does not answer, when a null room was yielded.</summary>
    public string? LastError => _watcher.LastError;

    /// <summary>The room now, then after every change; null while the cluster does not answer.</summary>
    public async IAsyncEnumerable<ClassroomRoom?> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in _watcher.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return snapshot.Reachable ? ClassroomRoom.From(classroom, snapshot.List(NamespaceKind), snapshot.List(ConfigMapKind)) : null;
        }
    }

    public ValueTask DisposeAsync() => _watcher.DisposeAsync();
}
