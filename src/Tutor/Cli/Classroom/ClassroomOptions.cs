using System.CommandLine;
using Tutor.Core.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>Options several classroom verbs share.</summary>
public static class ClassroomOptions
{
    public static Option<string> Name() => new("--name")
    {
        Description = "The classroom's name (a DNS label); learners' namespaces are NAME-LEARNER",
        Required = true,
        Validators = { result => { if (LearnerRoster.ClassroomProblem(result.GetValueOrDefault<string>() ?? "") is { } problem) result.AddError(problem); } },
    };

    public static Option<string?> Out() => new("--out")
    {
        Description = "Folder of the learners' kubeconfig files (default: ./NAME-kubeconfigs)",
    };

    public static string OutDirectory(CliIo io, string classroom, string? given) =>
        Path.GetFullPath(given ?? $"{classroom}-kubeconfigs", io.WorkingDirectory);
}
