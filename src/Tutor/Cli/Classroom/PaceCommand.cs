using System.CommandLine;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;

namespace Tutor.Cli.Classroom;

/// <summary><c>tutor classroom pace --unlock-to ID</c>: how far every learner of the room may go; <c>all</c> lifts the limit.</summary>
public static class PaceCommand
{
    public const string NoLimit = "all";

    public static Command Create(GlobalOptions global, CliIo io)
    {
        var name = ClassroomOptions.Name();
        var unlockTo = new Option<string>("--unlock-to") { Description = "The last lesson learners may open, e.g. 160; `all` lifts the limit", Required = true };
        var command = new Command("pace", "Set how far the learners of a classroom may go") { name, unlockTo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            var classroom = parse.GetValue(name)!;
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var wanted = parse.GetValue(unlockTo)!.Trim();
            var value = "";
            if (wanted != NoLimit)
            {
                var lesson = CatalogueSource.Find(files, wanted, io);
                if (lesson is null) return ExitCodes.BadInput;
                if (!ClassroomLessons.IsAvailable(lesson))
                {
                    io.Error.WriteLine($"tutor: lesson {lesson.Id} is not available in a classroom (it needs cluster-wide rights); pace to a lesson learners can take");
                    return ExitCodes.BadInput;
                }

                value = lesson.Id;
            }

            var (session, _, exit) = await ClassroomConnection.ConnectAsync(context, cancellationToken);
            if (session is null) return exit;
            using (session)
            {
                try
                {
                    var learners = await ClassroomConnection.LearnersAsync(session, classroom, io, cancellationToken);
                    if (learners is null) return ExitCodes.BadInput;
                    var pacer = new ClassroomPacer(session.Connection);
                    foreach (var learner in learners) await pacer.SetAsync(learner, value, cancellationToken);
                    var what = value.Length == 0 ? "every lesson is open" : $"lessons up to {value} are open";
                    io.Out.WriteLine($"Classroom {classroom}: {what} for {learners.Count} learner{(learners.Count == 1 ? "" : "s")}.");
                    return ExitCodes.Ok;
                }
                catch (ClusterException e)
                {
                    io.Error.WriteLine($"tutor: {e.Message}");
                    return ClassroomConnection.ExitFor(e);
                }
            }
        });
        return command;
    }
}
