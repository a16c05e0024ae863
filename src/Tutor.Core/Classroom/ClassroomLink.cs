using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// A learner's Tutor in a classroom: it follows the instructor's <see cref="ClassroomNames.ClassroomConfigMap"/>
/// through a watch (pace changes arrive as they are written, with no polling) and publishes the learner's progress.
/// </summary>
public sealed class ClassroomLink : IAsyncDisposable
{
    private static readonly ResourceKind ConfigMapKind = new("v1", "ConfigMap");
    private readonly SnapshotWatcher _watcher;
    private readonly object _gate = new();
    private ClassroomPace? _pace;

    private ClassroomLink(ClusterConnection connection, string learnerNamespace, ClassroomPace pace, string learner, ClassroomProgressRecord? published,
        TimeSpan debounce)
    {
        _pace = pace;
        Learner = learner;
        Publisher = new ClassroomProgressPublisher(connection, learnerNamespace, pace.Classroom, published, debounce);
        _watcher = new SnapshotWatcher(connection, [ConfigMapKind], learnerNamespace,
            new SnapshotWatcherOptions { FieldSelector = $"metadata.name={ClassroomNames.ClassroomConfigMap}" });
        _watcher.SnapshotChanged += OnSnapshot;
        _watcher.Start();
    }

    /// <summary>The learner's name, as the room knows it.</summary>
    public string Learner { get; }

    /// <summary>The classroom and its pace; null once the instructor has removed the classroom.</summary>
    public ClassroomPace? Pace
    {
        get { lock (_gate) return _pace; }
    }

    public ClassroomProgressPublisher Publisher { get; }

    /// <summary>Raised on a pool thread when the pace (or the classroom itself) changes.</summary>
    public event Action<ClassroomPace?>? PaceChanged;

    /// <summary>
    /// Joins the classroom of <paramref name="learnerNamespace"/>, or returns null when it has no classroom ConfigMap
    /// (a learner on their own) or it cannot be read. One GET when there is none; nothing is watched then.
    /// </summary>
    public static async Task<ClassroomLink?> JoinAsync(ClusterConnection connection, string learnerNamespace, TimeSpan debounce, CancellationToken cancellationToken)
    {
        var configMap = await TryGetAsync(connection, learnerNamespace, ClassroomNames.ClassroomConfigMap, cancellationToken).ConfigureAwait(false);
        if (configMap is null || ClassroomPace.FromConfigMap(configMap) is not { } pace) return null;
        var progress = await TryGetAsync(connection, learnerNamespace, ClassroomNames.ProgressConfigMap, cancellationToken).ConfigureAwait(false);
        var published = ClassroomProgressJson.Read(progress?["data"]?[ClassroomNames.ProgressKey]?.GetValue<string>());
        return new ClassroomLink(connection, learnerNamespace, pace, LearnerName(configMap, learnerNamespace, pace.Classroom), published, debounce);
    }

    /// <summary>The learner label on the instructor's ConfigMap; else the namespace without the classroom's prefix.</summary>
    public static string LearnerName(JsonObject configMap, string learnerNamespace, string classroom)
    {
        if (configMap["metadata"]?["labels"]?[ClassroomNames.LearnerLabel] is JsonValue value && value.TryGetValue<string>(out var label) && label.Length > 0)
            return label;
        var prefix = classroom + "-";
        return learnerNamespace.StartsWith(prefix, StringComparison.Ordinal) && learnerNamespace.Length > prefix.Length
            ? learnerNamespace[prefix.Length..]
            : learnerNamespace;
    }

    public async ValueTask DisposeAsync()
    {
        await _watcher.DisposeAsync().ConfigureAwait(false);
        await Publisher.DisposeAsync().ConfigureAwait(false);
    }

    private void OnSnapshot(ClusterSnapshot snapshot)
    {
        // A lost connection says nothing about the pace: keep the last one known.
        if (!snapshot.Reachable) return;
        var configMap = snapshot.Get(ConfigMapKind, ClassroomNames.ClassroomConfigMap);
        var pace = configMap is null ? null : ClassroomPace.FromConfigMap(configMap);
        lock (_gate)
        {
            if (pace == _pace) return;
            _pace = pace;
        }

        PaceChanged?.Invoke(pace);
    }

    private static async Task<JsonObject?> TryGetAsync(ClusterConnection connection, string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.GetJsonAsync($"api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/configmaps/{Uri.EscapeDataString(name)}",
                $"read configmap {name} in namespace {@namespace}", cancellationToken).ConfigureAwait(false) as JsonObject;
        }
        catch (ClusterException e) when (e.Failure is ClusterFailure.NotFound or ClusterFailure.Forbidden)
        {
            return null;
        }
    }
}
