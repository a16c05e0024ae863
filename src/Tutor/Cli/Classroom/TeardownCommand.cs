using System.CommandLine;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;

namespace Tutor.Cli.Classroom;

/// <summary><c>tutor classroom teardown</c>: delete the classroom's learner namespaces and kubeconfig files, and nothing else.</summary>
public static class TeardownCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var name = ClassroomOptions.Name();
        var output = ClassroomOptions.Out();
        var command = new Command("teardown", "Delete a classroom: its learners' namespaces (with all inside) and their kubeconfig files") { name, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            var classroom = parse.GetValue(name)!;
            var outDirectory = ClassroomOptions.OutDirectory(io, classroom, parse.GetValue(output));
            var (session, _, exit) = await ClassroomConnection.ConnectAsync(context, cancellationToken);
            if (session is null) return exit;
            using (session)
            {
                try
                {
                    var learners = await ClassroomNamespaces.LearnersAsync(session.Connection, classroom, cancellationToken);
                    if (learners.Count > 0 && !Confirmed(io, classroom, learners, parse.GetValue(global.Yes))) return ExitCodes.BadInput;

                    var error = await new ClassroomTeardown(session.Connection).DeleteAsync(learners, io.Out.WriteLine, cancellationToken);
                    foreach (var path in ClassroomTeardown.DeleteKubeconfigs(classroom, outDirectory)) io.Out.WriteLine($"{path} deleted");
                    if (error is not null)
                    {
                        io.Error.WriteLine($"tutor: {error}");
                        return ExitCodes.BadInput;
                    }

                    io.Out.WriteLine(learners.Count == 0
                        ? $"Classroom {classroom} has no learners on {session.Server}; nothing to delete there."
                        : $"Classroom {classroom} torn down: {learners.Count} namespace{(learners.Count == 1 ? "" : "s")} deleted.");
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

    private static bool Confirmed(CliIo io, string classroom, IReadOnlyList<RoomLearner> learners, bool yes)
    {
        if (yes) return true;
        var what = $"{learners.Count} namespace{(learners.Count == 1 ? "" : "s")} of classroom {classroom} ({string.Join(", ", learners.Take(5).Select(l => l.Namespace))}{(learners.Count > 5 ? ", …" : "")})";
        if (!io.Interactive)
        {
            io.Error.WriteLine($"tutor: teardown would delete {what} with everything in them; pass --yes to confirm");
            return false;
        }

        io.Out.Write($"Delete {what} with everything in them? [y/N] ");
        return io.In.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
