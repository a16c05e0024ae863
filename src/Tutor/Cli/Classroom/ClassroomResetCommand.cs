using System.CommandLine;
using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;

namespace Tutor.Cli.Classroom;

/// <summary><c>tutor classroom reset</c>: put one lesson back to its setup for one learner or the whole room.</summary>
public static class ClassroomResetCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var name = ClassroomOptions.Name();
        var learnerOption = new Option<string?>("--learner") { Description = "The learner whose lesson to reset" };
        var all = new Option<bool>("--all") { Description = "Reset the lesson for every learner of the classroom" };
        var lessonOption = new Option<string>("--lesson") { Description = "The lesson to reset, e.g. 120", Required = true };
        var command = new Command("reset", "Reset a lesson in a learner's namespace (or every learner's) and clear it from their progress")
        {
            name, learnerOption, all, lessonOption,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(learnerOption) is null == !result.GetValue(all)) result.AddError("name a learner (--learner NAME) or pass --all, not both");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            var classroom = parse.GetValue(name)!;
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var lesson = CatalogueSource.Find(files, parse.GetValue(lessonOption)!, io);
            if (lesson is null) return ExitCodes.BadInput;
            if (!ClassroomLessons.IsAvailable(lesson))
            {
                io.Error.WriteLine($"tutor: lesson {lesson.Id} is not available in a classroom: it needs cluster-wide rights");
                return ExitCodes.BadInput;
            }

            IReadOnlyList<Core.Manifests.ManifestObject> setup;
            try
            {
                setup = files.Setup(lesson);
            }
            catch (LessonFileException e)
            {
                foreach (var problem in e.Problems) io.Error.WriteLine(problem);
                return ExitCodes.BadInput;
            }

            var (session, _, exit) = await ClassroomConnection.ConnectAsync(context, cancellationToken);
            if (session is null) return exit;
            using (session)
            {
                try
                {
                    var learners = await ClassroomConnection.LearnersAsync(session, classroom, io, cancellationToken);
                    if (learners is null) return ExitCodes.BadInput;
                    if (parse.GetValue(learnerOption) is { } wanted)
                    {
                        learners = learners.Where(l => l.Learner == wanted).ToList();
                        if (learners.Count == 0)
                        {
                            io.Error.WriteLine($"tutor: classroom {classroom} has no learner {wanted}; `kubectl get namespaces -l {ClassroomNames.ClassroomLabel}={classroom} -L {ClassroomNames.LearnerLabel}` lists them");
                            return ExitCodes.BadInput;
                        }
                    }

                    var resetter = new ClassroomResetter(session.Connection);
                    var failed = 0;
                    foreach (var learner in learners)
                    {
                        var result = await resetter.ResetAsync(learner, lesson.Id, setup, cancellationToken);
                        if (result.Ok)
                        {
                            io.Out.WriteLine($"{learner.Learner}: lesson {lesson.Id} reset ({result.Deleted.Count} deleted, {result.Setup?.Applied.Count ?? 0} applied)");
                            continue;
                        }

                        failed++;
                        io.Error.WriteLine($"tutor: {learner.Learner}: {result.Error ?? string.Join("; ", result.Setup!.Errors)}");
                        if (result.Failure is ClusterFailure.Unreachable) return ExitCodes.Unreachable;
                    }

                    return failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
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
