using Tutor.Core.Catalogue;

namespace Tutor.Harness;

/// <summary>Everything the harness saw of one lesson.</summary>
public sealed record LessonRun(Lesson Lesson, IReadOnlyList<HarnessRow> Rows, double Seconds)
{
    public bool Passed => Rows.All(r => r.Passed);
}
