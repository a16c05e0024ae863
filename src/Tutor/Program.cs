using System.CommandLine;
using Tutor.Cli;

var global = new GlobalOptions();
var root = new RootCommand("Tutor: learn Kubernetes by doing");
global.AddTo(root);
root.Subcommands.Add(LintCommand.Create(global));

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    return ExitCodes.BadInput;
}
return await parsed.InvokeAsync();
