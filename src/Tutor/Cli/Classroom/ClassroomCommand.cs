using System.CommandLine;
using Tutor.Core.Classroom;
using Tutor.Tui;
using Tutor.Tui.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>
/// <c>tutor classroom VERB</c>: the instructor's verbs for a workshop on one shared cluster, every one registered here;
/// <c>tutor classroom --name WS</c> with no verb opens the instructor's live screen of the room. The room is read
/// from the cluster (labelled namespaces and their ConfigMaps); Tutor keeps no server of its own.
/// </summary>
public static class ClassroomCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        // Each verb has its own required --name; the screen's is checked here so a verb never trips over it.
        var name = ClassroomOptions.Name(required: false);
        var stuckAfter = ClassroomOptions.StuckAfter();
        var command = new Command("classroom", "Run a workshop: one namespace, account and kubeconfig per learner on one shared cluster; with no verb, a live screen of the room")
        {
            name, stuckAfter,
        };
        command.Subcommands.Add(ProvisionCommand.Create(global, io));
        command.Subcommands.Add(ClassroomStatusCommand.Create(global, io));
        command.Subcommands.Add(ClassroomResetCommand.Create(global, io));
        command.Subcommands.Add(PaceCommand.Create(global, io));
        command.Subcommands.Add(TeardownCommand.Create(global, io));
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(name) is not { } classroom)
            {
                io.Error.WriteLine("tutor: classroom: give --name WS for the room's screen, or a verb: provision, status, reset, pace, teardown");
                return ExitCodes.BadInput;
            }

            var context = new VerbContext(io, global, parse);
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var choice = await context.Connector().ConnectAsync(cancellationToken, probe: true);
            if (choice.Session is null) return choice.ExitCode;
            using var session = choice.Session;
            await using var room = new ClassroomRoomWatcher(session.Connection, classroom);
            return InstructorApp.Run(ClassroomLessons.Taught(files.Catalogue), room, new ClusterClassroomActions(session, files), parse.GetValue(stuckAfter), TuiOptions.FromEnvironment());
        });
        return command;
    }
}
