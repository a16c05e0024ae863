using System.CommandLine;
using Tutor.Core.Catalogue;
using Tutor.Core.Cluster;
using Tutor.Engine;
using Tutor.Harness;
using Tutor.Sandbox;

namespace Tutor.Cli;

/// <summary>
/// <c>tutor test [ID…] [--sandbox] [--output json]</c>: the author's harness. Proves each lesson on the current cluster,
/// or on a sandbox it starts itself (with <c>--sandbox</c>, or when no cluster is configured); 0 when every lesson passes, 1 when one fails.
/// </summary>
public static class TestCommand
{
    /// <summary>The harness's own namespace, so a learner's work in <c>tutor</c> is never touched.</summary>
    public const string DefaultNamespace = "tutor-test";

    public static Command Create(GlobalOptions global, CliIo io)
    {
        var ids = new Argument<string[]>("ID") { Description = "The lessons to test (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var sandbox = new Option<bool>("--sandbox") { Description = "Test on a sandbox started for the run, even when a cluster is configured" };
        var settle = new Option<int>("--settle") { Description = "Seconds a broken starter is watched for its checks to pass (default 10)", DefaultValueFactory = _ => 10 };
        var output = OutputOption.Create();
        var command = new Command("test", "Prove lessons work: reset fails every step, solutions pass, broken starters fail, reset cleans up") { ids, sandbox, settle, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var lessons = new List<Lesson>();
            foreach (var id in parse.GetValue(ids) ?? [])
            {
                if (CatalogueSource.Find(files, id, io) is not { } lesson) return ExitCodes.BadInput;
                lessons.Add(lesson);
            }

            if (lessons.Count == 0) lessons.AddRange(files.Catalogue.Lessons);
            var @namespace = parse.GetValue(global.Namespace) ?? DefaultNamespace;
            var connector = context.Connector();
            var useSandbox = parse.GetValue(sandbox) || connector.Resolve().Status == KubeconfigResolutionStatus.NotConfigured;

            SandboxServer? server = null;
            ClusterSession session;
            if (useSandbox)
            {
                server = await SandboxServer.StartAsync(cancellationToken: cancellationToken);
                session = new ClusterSession(new ClusterConnection(SandboxClient.Configuration(server)), SandboxKubeconfig.ContextName, @namespace, simulated: true);
            }
            else
            {
                var choice = await connector.ConnectAsync(cancellationToken, probe: true);
                if (choice.Session is null) return choice.ExitCode;
                session = new ClusterSession(choice.Session.Connection, choice.Session.Context, @namespace, choice.Session.Simulated);
            }

            try
            {
                var harness = new LessonHarness(session, files) { StarterSettle = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(settle))) };
                var json = OutputOption.IsJson(parse, output);
                if (!json) io.Error.WriteLine($"Testing {lessons.Count} lesson(s) in namespace {@namespace} on {(useSandbox ? "a sandbox started for this run" : session.Server)}…");
                var runs = new List<LessonRun>();
                foreach (var lesson in lessons)
                {
                    var run = await harness.RunAsync(lesson, cancellationToken);
                    runs.Add(run);
                    if (!json) io.Error.WriteLine($"  {lesson.Id} {(run.Passed ? "passes" : "FAILS")} ({run.Seconds:0.0} s)");
                }

                io.Out.WriteLine(json ? HarnessReport.Json(runs) : HarnessReport.Text(runs, io.Colour));
                return runs.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.CheckFailed;
            }
            finally
            {
                session.Dispose();
                if (server is not null) await server.DisposeAsync();
            }
        });
        return command;
    }
}
