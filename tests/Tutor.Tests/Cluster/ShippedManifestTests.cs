using Tutor.Core.Cluster;
using Tutor.Core.Manifests;

namespace Tutor.Tests.Cluster;

/// <summary>
/// Every manifest the lessons ship (setups and solutions) applies to the sandbox through the applier, after the
/// objects a step says its solution removes (a StatefulSet whose claim templates change must be made anew).
/// </summary>
public class ShippedManifestTests
{
    public static TheoryData<string> LessonFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(RepositoryRoot(), "manifests")).Order()) data.Add(Path.GetFileName(folder));
        return data;
    }

    [Theory]
    [MemberData(nameof(LessonFolders))]
    public async Task Solutions_of_a_lesson_apply_in_order(string lesson)
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var applier = new ManifestApplier(cluster.Connection);
        var resetter = new LessonResetter(cluster.Connection);
        var removes = Tutor.Core.Catalogue.CatalogueLoader.Load(RepositoryRoot()).Catalogue!.Lessons
            .SelectMany(l => l.Steps).Where(s => s.Solution is not null)
            // A later step may name an earlier step's solution again (310 re-applies step 1's file).
            .GroupBy(s => s.Solution!)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Removes).Distinct().ToList());
        var folder = Path.Combine(RepositoryRoot(), "manifests", lesson);
        var files = Directory.GetFiles(folder, "setup*.yaml").Order()
            .Concat(Directory.GetFiles(folder, "step-*.solution.yaml").Order(StringComparer.Ordinal));

        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(RepositoryRoot(), file);
            var read = ManifestReader.Read(await File.ReadAllTextAsync(file), relative);
            read.Errors.Should().BeEmpty();
            if (removes.TryGetValue(relative, out var gone) && gone.Count > 0)
                (await resetter.RemoveAsync(cluster.LearnerNamespace, gone)).Error.Should().BeNull(relative);

            var result = await applier.ApplyAsync(read.Objects, cluster.LearnerNamespace);

            result.Errors.Select(e => e.ToString()).Should().BeEmpty();
            result.Applied.Should().NotBeEmpty(relative);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "lessons.json"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("lessons.json not found above the test binaries");
    }
}
