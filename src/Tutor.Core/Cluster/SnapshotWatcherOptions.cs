namespace Tutor.Core.Cluster;

public sealed record SnapshotWatcherOptions
{
    /// <summary>Changes closer together than this are published as one snapshot (a rollout touches many objects at once).</summary>
    public TimeSpan CoalesceDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long the server keeps a quiet watch open before we re-watch (the only request an idle watcher makes).</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Only objects matching this field selector (e.g. <c>metadata.name=x</c>) are listed and watched; null for all.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Only objects matching this label selector are listed and watched; null for all.</summary>
    public string? LabelSelector { get; init; }
}
