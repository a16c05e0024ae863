using System.CommandLine;
using System.Text.RegularExpressions;
using Tutor.Core.Classroom;
using Tutor.Tui;
using Tutor.Tui.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>
/// <c>tutor classroom --name WS</c>: with no verb, the instructor's live screen of the room; <c>status</c> prints it.
/// The room is read from the cluster (labelled namespaces and their ConfigMaps); Tutor keeps no server of its own.
/// </summary>
public static partial class ClassroomCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var name = ClassroomOptions.Name();
        var stuckAfter = ClassroomOptions.StuckAfter();
        var command = new Command("classroom", "Run a workshop: with no verb, a live screen of the room (learners × lessons, stuck learners, pace)")
        {
            name, stuckAfter,
        };
        command.Subcommands.Add(ClassroomStatusCommand.Create(global, io, name));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var classroom = parse.GetValue(name)!;
            if (CheckName(classroom, io) is { } bad) return bad;
            var context = new VerbContext(io, global, parse);
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var choice = await context.Connector().ConnectAsync(cancellationToken, probe: true);
            if (choice.Session is null) return choice.ExitCode;
            using var session = choice.Session;
            await using var room = new ClassroomRoomWatcher(session.Connection, classroom);
            return InstructorApp.Run(files.Catalogue, room, new ClusterClassroomActions(session, files), parse.GetValue(stuckAfter), TuiOptions.FromEnvironment());
        });
        return command;
    }

    /// <summary>A classroom's name is a label value and a namespace prefix: a DNS label. Prints why not and returns the exit status.</summary>
    public static int? CheckName(string classroom, CliIo io)
    {
        if (classroom.Length <= 63 && NamePattern().IsMatch(classroom)) return null;
        io.Error.WriteLine($"tutor: --name: \"{classroom}\" is not a classroom name; use lower-case letters, digits and '-', starting and ending with a letter or digit (at most 63)");
        return ExitCodes.BadInput;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
