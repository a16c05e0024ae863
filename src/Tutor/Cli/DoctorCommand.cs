using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tutor.Core.Doctor;

namespace Tutor.Cli;

/// <summary><c>tutor doctor [--output json]</c>: what this machine and cluster offer the lessons, and how to add what is missing. 0 when kubectl and the cluster are fine, 1 otherwise, 3 when no cluster answers.</summary>
public static class DoctorCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var output = OutputOption.Create();
        var command = new Command("doctor", "Check kubectl, the cluster, its add-ons and your rights, and which lessons it can run") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var choice = await context.Connector().ConnectAsync(cancellationToken);
            if (choice.Session is null) return choice.ExitCode;
            using var session = choice.Session;
            var facts = await ClusterFactsGatherer.GatherAsync(session, cancellationToken);
            var report = DoctorAdvisor.Judge(facts, files.Catalogue.Lessons);
            io.Out.WriteLine(OutputOption.IsJson(parse, output) ? Json(report) : Text(report));
            return !facts.Reachable ? ExitCodes.Unreachable : report.Healthy ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    public static string Json(DoctorReport report)
    {
        var findings = new JsonArray();
        foreach (var f in report.Findings)
            findings.Add(new JsonObject { ["name"] = f.Name, ["status"] = f.Status.ToString().ToLowerInvariant(), ["detail"] = f.Detail, ["fix"] = f.Fix });
        var lessons = new JsonArray();
        foreach (var l in report.Lessons)
            lessons.Add(new JsonObject { ["lesson"] = l.Id, ["title"] = l.Title, ["runnable"] = l.Runnable, ["missing"] = new JsonArray(l.Missing.Select(m => (JsonNode)m).ToArray()), ["optionalMissing"] = new JsonArray(l.OptionalMissing.Select(m => (JsonNode)m).ToArray()) });
        return new JsonObject { ["kind"] = report.Kind.ToString().ToLowerInvariant(), ["healthy"] = report.Healthy, ["findings"] = findings, ["lessons"] = lessons }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Text(DoctorReport report)
    {
        var lines = new List<string> { $"Cluster kind: {report.Kind}" };
        foreach (var f in report.Findings)
        {
            var mark = f.Status switch { FindingStatus.Ok => "✓", FindingStatus.Missing => "✗", _ => "?" };
            lines.Add($"  {mark} {f.Name}: {f.Detail}");
            if (f.Fix is not null && f.Status != FindingStatus.Ok) lines.Add($"      fix: {f.Fix}");
        }

        var runnable = report.Lessons.Count(l => l.Runnable);
        lines.Add($"Lessons this cluster can run: {runnable} of {report.Lessons.Count}");
        foreach (var l in report.Lessons.Where(l => !l.Runnable)) lines.Add($"  ✗ {l.Id} {l.Title}: needs {string.Join(", ", l.Missing)}");
        foreach (var l in report.Lessons.Where(l => l.Runnable && l.OptionalMissing.Count > 0))
            lines.Add($"  ~ {l.Id} {l.Title}: runs without {string.Join(", ", l.OptionalMissing)} (the part that uses it is optional)");
        return string.Join(Environment.NewLine, lines);
    }
}
