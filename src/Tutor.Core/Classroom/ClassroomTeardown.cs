using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// Removes a classroom: the learners' namespaces (everything provision made lives in them) and their kubeconfig
/// files. Only namespaces <see cref="ClassroomNamespaces"/> recognises as the classroom's are deleted.
/// </summary>
public sealed class ClassroomTeardown(ClusterConnection connection)
{
    public TimeSpan DeletionTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Deletes the namespaces, then waits for all of them; returns the error that stopped it, if any.</summary>
    public async Task<string?> DeleteAsync(IReadOnlyList<RoomLearner> learners, Action<string>? progress, CancellationToken cancellationToken)
    {
        var resetter = new LessonResetter(connection) { DeletionTimeout = DeletionTimeout };
        var results = await Task.WhenAll(learners.Select(async l => (l, await resetter.ResetAllAsync(l.Namespace, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var errors = new List<string>();
        foreach (var (learner, result) in results)
        {
            if (result.Ok) progress?.Invoke($"namespace/{learner.Namespace} deleted");
            else errors.Add($"{learner.Namespace}: {result.Error}");
        }

        return errors.Count == 0 ? null : string.Join(Environment.NewLine, errors);
    }

    /// <summary>Deletes the kubeconfig files in <paramref name="directory"/> that provision wrote for this classroom; returns their paths.</summary>
    public static IReadOnlyList<string> DeleteKubeconfigs(string classroom, string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var deleted = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + LearnerKubeconfig.FileName("")).Order(StringComparer.Ordinal).ToList())
        {
            var learner = Path.GetFileName(path)[..^LearnerKubeconfig.FileName("").Length];
            var (_, ns, _) = LearnerKubeconfig.Read(File.ReadAllText(path));
            if (ns != ClassroomNames.LearnerNamespace(classroom, learner)) continue;
            File.Delete(path);
            deleted.Add(path);
        }

        if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        return deleted;
    }
}
