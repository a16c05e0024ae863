using Tutor.Core.Catalogue;
using CatalogueModel = Tutor.Core.Catalogue.Catalogue;

namespace Tutor.Core.Tests.Classroom;

/// <summary>A small catalogue of four lessons for pace and room tests.</summary>
internal static class ClassroomCatalogue
{
    public static readonly CatalogueModel Four = new(
        "/catalogue", [new Level(100, "Deploying apps", "")], [Lesson("101", 2), Lesson("110", 2), Lesson("120", 1), Lesson("130", 1)]);

    private static Lesson Lesson(string id, int steps) => new(
        id, 100, $"Lesson {id}", 10, $"lessons/{id}.md", LessonRequirements.None, [],
        Enumerable.Range(1, steps).Select(n => new LessonStep(n, $"Step {n}", $"Step {n}", null, null, $"manifests/{id}/step-{n}.checks.yaml", [])).ToList());
}
