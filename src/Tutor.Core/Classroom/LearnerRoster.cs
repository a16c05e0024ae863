using System.Text.RegularExpressions;
using Tutor.Core.Catalogue;

namespace Tutor.Core.Classroom;

/// <summary>
/// The learners of a classroom: numbered (learner-01…) or read from a file of one name per line. Names become
/// part of a namespace name, so each must be a DNS label and <c>{classroom}-{learner}</c> must still fit in one.
/// </summary>
public static partial class LearnerRoster
{
    private const int MaxLabel = 63;

    public static IReadOnlyList<string> Numbered(int count) =>
        Enumerable.Range(1, count).Select(i => $"learner-{i:D2}").ToList();

    /// <summary>Why <paramref name="classroom"/> cannot name a classroom, or null when it can.</summary>
    public static string? ClassroomProblem(string classroom) =>
        IsDnsLabel(classroom) ? null : $"classroom name \"{classroom}\" is not a DNS label ({LabelRule})";

    /// <summary>Reads a learners file: blank lines and lines starting with # are skipped; every bad line is reported as file:line.</summary>
    public static LearnerRosterResult Parse(string text, string file, string classroom)
    {
        var learners = new List<string>();
        var errors = new List<Diagnostic>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var name = lines[i].Trim();
            if (name.Length == 0 || name.StartsWith('#')) continue;
            var line = i + 1;
            if (LearnerProblem(classroom, name) is { } problem) errors.Add(new Diagnostic(file, line, problem));
            else if (seen.TryGetValue(name, out var first)) errors.Add(new Diagnostic(file, line, $"learner \"{name}\" is already listed on line {first}"));
            else
            {
                seen[name] = line;
                learners.Add(name);
            }
        }

        if (learners.Count == 0 && errors.Count == 0) errors.Add(new Diagnostic(file, 0, "no learners listed (one name a line)"));
        return new LearnerRosterResult(learners, errors);
    }

    /// <summary>Why <paramref name="learner"/> cannot be a learner of <paramref name="classroom"/>, or null when it can.</summary>
    public static string? LearnerProblem(string classroom, string learner)
    {
        if (!IsDnsLabel(learner)) return $"learner \"{learner}\" is not a DNS label ({LabelRule})";
        var ns = ClassroomNames.LearnerNamespace(classroom, learner);
        return ns.Length > MaxLabel ? $"learner \"{learner}\": namespace {ns} would be longer than {MaxLabel} characters" : null;
    }

    private const string LabelRule = "lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";

    private static bool IsDnsLabel(string name) => name.Length <= MaxLabel && DnsLabel().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
