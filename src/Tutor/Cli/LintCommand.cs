using System.CommandLine;
using Tutor.Core.Catalogue;

namespace Tutor.Cli;

/// <summary><c>tutor lint [DIR]</c>: every problem in a catalogue as file:line: message; exit 2 when any.</summary>
public static class LintCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var dir = new Argument<string?>("DIR") { Description = "Folder holding lessons.json", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("lint", "Validate the lesson catalogue and every file it names") { dir };
        command.SetAction(parse =>
        {
            var root = CatalogueLocator.Find(parse.GetValue(dir) ?? parse.GetValue(global.Lessons), io.WorkingDirectory, io.AppDirectory);
            if (root is null)
            {
                io.Error.WriteLine($"no {CatalogueLocator.FileName} found here or in any parent folder; name the folder: tutor lint DIR");
                return ExitCodes.BadInput;
            }
            var problems = CatalogueLinter.Lint(root);
            foreach (var problem in problems) io.Out.WriteLine(problem);
            io.Error.WriteLine(problems.Count == 0 ? $"{root}: no problems" : $"{problems.Count} problem(s)");
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }
}
