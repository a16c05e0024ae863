using System.CommandLine;

namespace Tutor.Cli;

/// <summary>The command line: the app when no verb is given, and the verbs for scripts, instructors and authors.</summary>
public static class TutorCli
{
    public static RootCommand Build(CliIo io)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Tutor: learn Kubernetes by doing. With no verb, opens the full-screen app.");
        global.AddTo(root);
        TuiCommand.Configure(root, global, io);
        root.Subcommands.Add(ListCommand.Create(global, io));
        root.Subcommands.Add(ShowCommand.Create(global, io));
        root.Subcommands.Add(ApplyCommand.Create(global, io));
        root.Subcommands.Add(CheckCommand.Create(global, io));
        root.Subcommands.Add(ApplyCommand.CreateSolve(global, io));
        root.Subcommands.Add(ResetCommand.Create(global, io));
        root.Subcommands.Add(LintCommand.Create(global, io));
        root.Subcommands.Add(TestCommand.Create(global, io));
        root.Subcommands.Add(DoctorCommand.Create(global, io));
        root.Subcommands.Add(DiffCommand.Create(global, io));
        root.Subcommands.Add(SandboxCommand.Create(io));
        root.Subcommands.Add(Classroom.ClassroomCommand.Create(global, io));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken = default)
    {
        var parsed = Build(io).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) io.Error.WriteLine($"tutor: {error.Message}");
            io.Error.WriteLine("Run `tutor --help` for usage.");
            return ExitCodes.BadInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = io.Error }, cancellationToken);
    }
}
