using System.CommandLine;

namespace Tutor.Cli;

/// <summary><c>tutor reset ID</c> / <c>tutor reset --all</c>: back to a lesson's setup, or remove Tutor's whole namespace.</summary>
public static class ResetCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var id = new Argument<string?>("ID") { Description = "The lesson to reset", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Delete your whole Tutor namespace and forget all progress on this context" };
        var command = new Command("reset", "Reset a lesson to its setup (only what Tutor created is deleted)") { id, all };
        command.Validators.Add(result =>
        {
            var hasId = result.GetValue(id) is not null;
            if (hasId == result.GetValue(all)) result.AddError("name a lesson (tutor reset 120) or pass --all, not both");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            if (parse.GetValue(all))
            {
                var files = context.LoadCatalogue();
                if (files is null) return ExitCodes.BadInput;
                var choice = await context.Connector().ConnectAsync(cancellationToken);
                if (choice.Session is null) return choice.ExitCode;
                using var session = choice.Session;
                var result = await session.Resetter.ResetAllAsync(session.Namespace, cancellationToken);
                if (!result.Ok)
                {
                    io.Error.WriteLine($"tutor: {result.Error}");
                    return result.Failure is Core.Cluster.ClusterFailure.Unreachable ? ExitCodes.Unreachable : ExitCodes.BadInput;
                }

                context.Progress().Save(session.Context, Core.Progress.LearnerProgress.Empty);
                io.Out.WriteLine($"Namespace {session.Namespace} deleted; progress on \"{session.Context}\" cleared.");
                return ExitCodes.Ok;
            }

            return await context.WithLessonAsync(parse.GetValue(id)!, async (files, lesson, session) =>
            {
                var result = await session.Resetter.ResetAsync(session.Namespace, files.Setup(lesson), cancellationToken);
                foreach (var deleted in result.Deleted) io.Out.WriteLine($"{deleted} deleted");
                if (result.Setup is { } setup) foreach (var applied in setup.Applied) io.Out.WriteLine(applied);
                if (!result.Ok)
                {
                    io.Error.WriteLine($"tutor: {result.Error ?? string.Join(Environment.NewLine, result.Setup!.Errors)}");
                    return result.Failure is Core.Cluster.ClusterFailure.Unreachable ? ExitCodes.Unreachable : ExitCodes.BadInput;
                }

                var progress = context.LoadProgress(session.Context);
                context.Progress().Save(session.Context, progress.ForgetLesson(lesson.Id, DateTimeOffset.UtcNow));
                io.Out.WriteLine($"Lesson {lesson.Id} reset.");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
