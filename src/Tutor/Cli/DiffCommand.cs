using System.CommandLine;
using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using Tutor.Core.Drift;
using Tutor.Engine;

namespace Tutor.Cli;

/// <summary><c>tutor diff ID [--step N]</c>: the learner's live objects against the step's solution, as unified YAML diffs. 0 no drift, 1 drift.</summary>
public static class DiffCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var id = new Argument<string>("ID") { Description = "The lesson, e.g. 120" };
        var step = new Option<int?>("--step") { Description = "The step whose solution to compare with (default: your current step in the lesson)" };
        var command = new Command("diff", "Show how your live objects differ from a step's solution (only the fields the solution sets)") { id, step };
        command.SetAction((parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            return context.WithLessonAsync(parse.GetValue(id)!, async (files, lesson, session) =>
            {
                var number = parse.GetValue(step) ?? ApplyCommand.CurrentStep(context, session, lesson);
                var chosen = StepOption.Select(lesson, number, io);
                if (chosen is null) return ExitCodes.BadInput;
                if (chosen[0].Solution is not { } solution)
                {
                    io.Error.WriteLine($"tutor: step {number} of lesson {lesson.Id} has no solution to compare with");
                    return ExitCodes.BadInput;
                }

                var drifted = 0;
                foreach (var item in files.Manifest(solution))
                {
                    var text = await DiffOneAsync(session, item.Kind, item.Name, item.Body, cancellationToken);
                    if (text is null) continue;
                    drifted++;
                    io.Out.WriteLine(text);
                }

                io.Out.WriteLine(drifted == 0
                    ? $"No drift: your objects match step {number}'s solution."
                    : $"{drifted} object(s) differ from step {number}'s solution (- solution, + live).");
                return drifted == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>The diff of one object, or null when the live object has every field the solution sets, with its values.</summary>
    private static async Task<string?> DiffOneAsync(ClusterSession session, ResourceKind kind, string name, JsonObject body, CancellationToken cancellationToken)
    {
        var desired = DriftProjection.Desired(body);
        // The solution's Namespace "tutor" stands for the learner's namespace, as when it is applied.
        if (kind == WellKnownKinds.Namespace)
        {
            name = session.Namespace;
            if (desired["metadata"] is JsonObject metadata) metadata["name"] = name;
        }

        var resource = await session.Connection.Resources.ResolveAsync(kind, cancellationToken);
        var reference = $"{kind.ApiVersion} {kind.Kind} {name}";
        JsonObject? live;
        try
        {
            live = await session.Connection.GetJsonAsync(ApiPaths.Item(resource, resource.Namespaced ? session.Namespace : null, name), $"read {reference}", cancellationToken) as JsonObject;
        }
        catch (ClusterException e) when (e.Failure == ClusterFailure.NotFound)
        {
            live = null;
        }

        if (live is null) return $"{reference}: missing from the cluster (the solution creates it)";
        var diff = UnifiedDiff.Of(YamlWriter.Write(desired), YamlWriter.Write(DriftProjection.Project(desired, live)), $"solution {reference}", $"live {reference}");
        return diff.Length == 0 ? null : diff;
    }
}
