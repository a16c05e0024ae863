using Tutor.Core.Catalogue;

namespace Tutor.Cli;

/// <summary>Reads <c>--step N</c>: one step of the lesson, or all of them when absent.</summary>
public static class StepOption
{
    public static IReadOnlyList<LessonStep>? Select(Lesson lesson, int? number, CliIo io)
    {
        if (number is null) return lesson.Steps;
        if (lesson.Steps.FirstOrDefault(s => s.Number == number) is { } step) return [step];
        io.Error.WriteLine($"tutor: lesson {lesson.Id} has steps 1 to {lesson.Steps.Count}, not {number}");
        return null;
    }
}
