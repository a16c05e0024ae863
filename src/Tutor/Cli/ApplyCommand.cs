using System.CommandLine;
using Tutor.Core.Catalogue;
using Tutor.Core.Cluster;
using Tutor.Core.Manifests;
using Tutor.Engine;

namespace Tutor.Cli;

/// <summary><c>tutor apply ID [--step N]</c> and <c>tutor solve ID</c>: server-side apply of a step's manifest, or of the whole solution.</summary>
public static class ApplyCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var id = new Argument<string>("ID") { Description = "The lesson, e.g. 120" };
        var step = new Option<int?>("--step") { Description = "The step whose manifest to apply (default: your current step in the lesson)" };
        var command = new Command("apply", "Apply a step's manifest to the cluster") { id, step };
        command.SetAction((parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            return context.WithLessonAsync(parse.GetValue(id)!, async (files, lesson, session) =>
            {
                var number = parse.GetValue(step) ?? CurrentStep(context, session, lesson);
                var chosen = StepOption.Select(lesson, number, io);
                if (chosen is null) return ExitCodes.BadInput;
                if (chosen[0].Manifest is not { } manifest)
                {
                    io.Error.WriteLine($"tutor: step {number} of lesson {lesson.Id} has no manifest to apply");
                    return ExitCodes.BadInput;
                }

                return await ApplyAsync(session, files.Manifest(manifest), io, cancellationToken);
            }, cancellationToken);
        });
        return command;
    }

    public static Command CreateSolve(GlobalOptions global, CliIo io)
    {
        var id = new Argument<string>("ID") { Description = "The lesson, e.g. 120" };
        var command = new Command("solve", "Apply a lesson's setup, then the solutions of all its steps in order") { id };
        command.SetAction((parse, cancellationToken) => new VerbContext(io, global, parse).WithLessonAsync(parse.GetValue(id)!, async (files, lesson, session) =>
        {
            // Read every file first, so a broken one stops the solve before anything is applied.
            var setup = files.Setup(lesson);
            foreach (var s in lesson.Steps.Where(s => s.Solution is not null)) files.Manifest(s.Solution!);
            if (setup.Count > 0 && await ApplyAsync(session, setup, io, cancellationToken) is var code and not ExitCodes.Ok) return code;
            foreach (var step in lesson.Steps)
            {
                var (deleted, applied, error) = await StepSolution.ApplyAsync(session, files, step, cancellationToken);
                foreach (var reference in deleted) io.Out.WriteLine($"{reference} deleted");
                foreach (var outcome in applied?.Applied ?? []) io.Out.WriteLine(outcome);
                if (error is not null)
                {
                    io.Error.WriteLine($"tutor: step {step.Number}: {error}");
                    return ExitCodes.BadInput;
                }
            }

            io.Out.WriteLine($"Lesson {lesson.Id} solved; `tutor check {lesson.Id} --wait 60` follows it until the checks pass.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    internal static int CurrentStep(VerbContext context, ClusterSession session, Lesson lesson)
    {
        var progress = context.LoadProgress(session.Context);
        if (progress.CurrentLessonId == lesson.Id) return Math.Clamp(progress.CurrentStep, 1, lesson.Steps.Count);
        var passed = progress.PassedSteps(lesson.Id);
        return lesson.Steps.FirstOrDefault(s => !passed.Contains(s.Number))?.Number ?? 1;
    }

    public static async Task<int> ApplyAsync(ClusterSession session, IReadOnlyList<ManifestObject> objects, CliIo io, CancellationToken cancellationToken)
    {
        var result = await session.Applier.ApplyAsync(objects, session.Namespace, cancellationToken);
        foreach (var applied in result.Applied) io.Out.WriteLine(applied);
        foreach (var error in result.Errors) io.Error.WriteLine(error);
        return result.Ok ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
