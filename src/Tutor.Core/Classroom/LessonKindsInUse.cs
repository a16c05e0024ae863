using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>The kinds a classroom's lessons write (from their manifests and solutions) and read (checks, reset), which the learner's Role is made from.</summary>
public static class LessonKindsInUse
{
    public static IReadOnlyList<ResourceKind> Written(LessonFiles files) =>
        files.Catalogue.Lessons.Where(ClassroomLessons.IsAvailable)
            .SelectMany(l => ClassroomLessons.Objects(files, l))
            .Select(o => o.Kind)
            .Where(k => !WellKnownKinds.IsClusterScoped(k))
            .Distinct()
            .ToList();

    public static IReadOnlyList<ResourceKind> Read(LessonFiles files) =>
        files.Catalogue.Lessons.Where(ClassroomLessons.IsAvailable)
            .SelectMany(files.KindsRead)
            .Concat(LessonKinds.ResetOrder)
            .Where(k => !WellKnownKinds.IsClusterScoped(k))
            .Distinct()
            .ToList();

    /// <summary>The learner's rules, with each kind resolved to the plural this cluster serves; kinds it does not serve are left out.</summary>
    public static async Task<IReadOnlyList<AccessRule>> RulesAsync(ClusterConnection connection, LessonFiles files, CancellationToken cancellationToken)
    {
        async Task<List<ApiResource>> Resolve(IEnumerable<ResourceKind> kinds)
        {
            var served = new List<ApiResource>();
            foreach (var kind in kinds)
            {
                if (await connection.Resources.TryResolveAsync(kind, cancellationToken).ConfigureAwait(false) is { } resource) served.Add(resource);
            }

            return served;
        }

        return LearnerAccess.Rules(await Resolve(Written(files)).ConfigureAwait(false), await Resolve(Read(files)).ConfigureAwait(false));
    }
}
