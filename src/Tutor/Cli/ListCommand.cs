using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tutor.Core.Cluster;
using Tutor.Core.Progress;

namespace Tutor.Cli;

/// <summary><c>tutor list [--output json]</c>: every lesson with its level, title and the learner's progress on the current context.</summary>
public static class ListCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var output = OutputOption.Create();
        var command = new Command("list", "List the lessons and your progress") { output };
        command.SetAction(parse =>
        {
            var context = new VerbContext(io, global, parse);
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var catalogue = files.Catalogue;
            // Progress is per context; listing needs no connection, so an unreachable cluster still lists.
            var resolution = context.Connector().Resolve();
            var contextName = resolution.Target?.ContextName ?? SandboxKubeconfig.ContextName;
            var progress = context.LoadProgress(contextName);
            var rows = catalogue.Lessons.Select(l => new
            {
                Lesson = l,
                Done = progress.PassedSteps(l.Id).Count(n => n >= 1 && n <= l.Steps.Count),
                State = UnlockRules.StateOf(progress, catalogue, l.Id),
            }).ToList();

            if (OutputOption.IsJson(parse, output))
            {
                var json = new JsonObject
                {
                    ["context"] = contextName,
                    ["lessons"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                    {
                        ["id"] = r.Lesson.Id,
                        ["level"] = r.Lesson.Level,
                        ["title"] = r.Lesson.Title,
                        ["minutes"] = r.Lesson.Minutes,
                        ["steps"] = r.Lesson.Steps.Count,
                        ["stepsDone"] = r.Done,
                        ["state"] = r.State.ToString().ToLowerInvariant() switch { "inprogress" => "in-progress", var s => s },
                    }).ToArray()),
                };
                io.Out.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Ok;
            }

            foreach (var level in catalogue.Levels)
            {
                io.Out.WriteLine($"{level.Id} · {level.Title}");
                foreach (var row in rows.Where(r => r.Lesson.Level == level.Id))
                {
                    var mark = row.State switch
                    {
                        LessonState.Complete => "✓ done",
                        LessonState.Locked => "  locked",
                        _ when row.Done > 0 => $"▶ {row.Done}/{row.Lesson.Steps.Count}",
                        _ => "· open",
                    };
                    io.Out.WriteLine($"  {row.Lesson.Id,-5}{row.Lesson.Title,-38}{row.Lesson.Minutes,3} min  {mark}");
                }
            }

            io.Out.WriteLine($"Progress on context \"{contextName}\": {rows.Sum(r => r.Done)} of {rows.Sum(r => r.Lesson.Steps.Count)} steps.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
