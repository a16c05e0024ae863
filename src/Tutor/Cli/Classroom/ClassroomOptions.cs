using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Tutor.Core.Classroom;

namespace Tutor.Cli.Classroom;

/// <summary>Options shared by the classroom's verbs and its screen.</summary>
public static partial class ClassroomOptions
{
    /// <summary><c>--name WS</c>: the classroom, a DNS label; learners' namespaces are <c>WS-LEARNER</c>.</summary>
    public static Option<string> Name(bool required = true) => new("--name")
    {
        Description = "The classroom's name (a DNS label); learners' namespaces are NAME-LEARNER",
        Required = required,
        Validators = { result => { if (LearnerRoster.ClassroomProblem(result.GetValueOrDefault<string>() ?? "") is { } problem) result.AddError($"--name: {problem}"); } },
    };

    public static Option<string?> Out() => new("--out")
    {
        Description = "Folder of the learners' kubeconfig files (default: ./NAME-kubeconfigs)",
    };

    public static string OutDirectory(CliIo io, string classroom, string? given) =>
        Path.GetFullPath(given ?? $"{classroom}-kubeconfigs", io.WorkingDirectory);

    /// <summary><c>--stuck-after 5m</c>: how long the same check may fail before a learner counts as stuck.</summary>
    public static Option<TimeSpan> StuckAfter() => new("--stuck-after")
    {
        Description = "How long the same check may fail before a learner counts as stuck: 90s, 5m, 1h (default 5m)",
        DefaultValueFactory = _ => ClassroomReport.DefaultStuckAfter,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ParseDuration(text) is { } span) return span;
            result.AddError($"--stuck-after: \"{text}\" is not a duration; write it as 90s, 5m or 1h");
            return default;
        },
    };

    /// <summary>"90s", "5m", "1h", or plain seconds; null when it is none of these or not positive.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success) return null;
        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var span = match.Groups[2].Value switch
        {
            "h" => TimeSpan.FromHours(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return span > TimeSpan.Zero ? span : null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(s|m|h)?$")]
    private static partial Regex DurationPattern();
}
