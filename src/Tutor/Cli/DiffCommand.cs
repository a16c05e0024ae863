using System.CommandLine;
using Tutor.Core.Drift;

namespace Tutor.Cli;

/// <summary><c>tutor diff ID [--step N]</c>: the learner's live objects against the step's solution, as unified YAML diffs. 0 no drift, 1 drift.</summary>
public static class DiffCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var id = new Argument<string>("ID") { Description = "The lesson, e.g. 120" };
        var step = new Option<int?>("--step") { Description = "The step whose solution to compare with (default: your current step in the lesson)" };
        var command = new Command("diff", "Show how your live objects differ from a step's solution (only the fields the solution sets)") { id, step };
        command.SetAction((parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            return context.WithLessonAsync(parse.GetValue(id)!, async (files, lesson, session) =>
            {
                var number = parse.GetValue(step) ?? ApplyCommand.CurrentStep(context, session, lesson);
                var chosen = StepOption.Select(lesson, number, io);
                if (chosen is null) return ExitCodes.BadInput;
                if (chosen[0].Solution is not { } solution)
                {
                    io.Error.WriteLine($"tutor: step {number} of lesson {lesson.Id} has no solution to compare with");
                    return ExitCodes.BadInput;
                }

                var drifts = await DriftReader.CompareAsync(session.Connection, session.Namespace, files.Manifest(solution), cancellationToken);
                foreach (var drift in drifts.Where(d => d.Drifted))
                    io.Out.WriteLine(drift.Missing ? $"{drift.Reference}: missing from the cluster (the solution creates it)" : drift.Diff);

                var drifted = drifts.Count(d => d.Drifted);
                io.Out.WriteLine(drifted == 0
                    ? $"No drift: your objects match step {number}'s solution."
                    : $"{drifted} object(s) differ from step {number}'s solution (- solution, + live).");
                return drifted == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
            }, cancellationToken);
        });
        return command;
    }
}
