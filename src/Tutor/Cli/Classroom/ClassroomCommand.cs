using System.CommandLine;

namespace Tutor.Cli.Classroom;

/// <summary><c>tutor classroom VERB</c>: the instructor's verbs for a workshop on one shared cluster. Every verb is registered here.</summary>
public static class ClassroomCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var command = new Command("classroom", "Run a workshop: one namespace, account and kubeconfig per learner on one shared cluster");
        command.Subcommands.Add(ProvisionCommand.Create(global, io));
        command.Subcommands.Add(ClassroomResetCommand.Create(global, io));
        command.Subcommands.Add(PaceCommand.Create(global, io));
        command.Subcommands.Add(TeardownCommand.Create(global, io));
        return command;
    }
}
