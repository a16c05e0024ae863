using System.CommandLine;
using System.Diagnostics;
using Tutor.Core.Catalogue;
using Tutor.Core.Cluster;
using Tutor.Core.Progress;
using Tutor.Engine;
using Tutor.Sandbox;
using Tutor.Tui;

namespace Tutor.Cli;

/// <summary>
/// <c>tutor</c> with no verb: the full-screen app. It works on the configured cluster, else on a running
/// <c>tutor sandbox</c>, else on a sandbox it starts itself — labelled as simulated on screen.
/// </summary>
public static class TuiCommand
{
    public static void Configure(RootCommand root, GlobalOptions global, CliIo io)
    {
        var sandbox = new Option<bool>("--sandbox") { Description = "Use the built-in simulated cluster even when a cluster is configured" };
        root.Options.Add(sandbox);
        root.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;

            ClusterSession? session = null;
            string? firstMessage = null;
            if (!parse.GetValue(sandbox))
            {
                var (chosen, code, fellBack) = await ChooseClusterAsync(context, global, io, cancellationToken);
                if (code is { } exit) return exit;
                session = chosen;
                if (fellBack) firstMessage = "The configured cluster does not answer; you are on the built-in sandbox instead.";
            }

            var contextName = session?.Context ?? SandboxKubeconfig.ContextName;
            var ns = session?.Namespace ?? parse.GetValue(global.Namespace) ?? KubeconfigResolver.DefaultNamespace;
            var loaded = context.Progress().Load(contextName);
            if (loaded.Warning is not null) firstMessage = loaded.Warning;
            var waiting = TutorEngine.Waiting(files, loaded.Progress,
                new ConnectionStatus(contextName, ns, ConnectionState.Connecting, null, session?.Simulated ?? true),
                session is null ? "starting the sandbox…" : "connecting…");

            // The first screen does not wait for the sandbox or the first list: they start while it draws.
            SandboxServer? server = null;
            string? kubeconfig = null;
            // Cancelled as the app quits, so a restore or a first read still running does not outlive the screen.
            using var quitting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var starting = Task.Run(async () =>
            {
                if (session is null)
                {
                    server = await SandboxServer.StartAsync(cancellationToken: quitting.Token);
                    var path = SandboxKubeconfig.DefaultPath(io);
                    kubeconfig = server.Kubeconfig(SandboxKubeconfig.ContextName, ns);
                    SandboxKubeconfig.Write(path, kubeconfig);
                    var hint = KubectlHint(io, path);
                    session = ClusterSession.Open(new ClusterTarget(SandboxClient.Configuration(server), SandboxKubeconfig.ContextName,
                        server.Url.ToString(), ns, path, LooksLocal: true), simulated: true, hint);
                    session.ShellEnvironment = ShellEnvironment(path);
                    firstMessage ??= $"Sandbox ready · kubectl: {hint}";
                }

                var engine = new TutorEngine(files, session, context.Progress(), loaded.Progress, firstMessage: firstMessage);
                await engine.StartAsync(quitting.Token);
                if (server is not null) _ = engine.RestoreCurrentLessonAsync(quitting.Token);
                return engine;
            }, quitting.Token);

            try
            {
                var options = TuiOptions.FromEnvironment();
                if (io.Environment("TUTOR_STARTUP_REPORT") is { Length: > 0 } report)
                    options = options with { OnFirstDraw = () => WriteStartup(report) };
                return TuiApp.Run(new PendingEngine(waiting, starting), options);
            }
            finally
            {
                await quitting.CancelAsync();
                try
                {
                    await (await starting).DisposeAsync();
                }
                catch (Exception)
                {
                    // It never started; there is nothing of it to stop.
                }

                session?.Dispose();
                ShellKubeconfig.Remove(io);
                if (server is not null)
                {
                    if (kubeconfig is not null) SandboxKubeconfig.Remove(SandboxKubeconfig.DefaultPath(io), kubeconfig);
                    await server.DisposeAsync();
                }
            }
        });
    }

    /// <summary>
    /// The configured (or running-sandbox) cluster, after the questions a person must answer: confirming a
    /// context that is not local, and whether to fall back to the sandbox when the cluster does not answer.
    /// </summary>
    private static async Task<(ClusterSession? Session, int? Exit, bool FellBack)> ChooseClusterAsync(VerbContext context, GlobalOptions global, CliIo io, CancellationToken cancellationToken)
    {
        var (resolution, foundSandbox) = context.Connector().ResolveWithOrigin();
        if (resolution.Status == KubeconfigResolutionStatus.NotConfigured) return (null, null, false);
        if (resolution.Status == KubeconfigResolutionStatus.Invalid)
        {
            io.Error.WriteLine($"tutor: {resolution.Message}");
            return (null, ExitCodes.BadInput, false);
        }

        var target = resolution.Target!;
        var confirmations = new ConfirmedContexts(StateDirectory.Resolve(io.Environment, io.Home));
        if (!target.LooksLocal && !context.Parse.GetValue(global.Yes) && !confirmations.IsConfirmed(target.ContextName))
        {
            if (!io.Interactive)
            {
                io.Error.WriteLine($"tutor: context \"{target.ContextName}\" does not look like a local cluster; pass --yes to work on it.");
                return (null, ExitCodes.BadInput, false);
            }

            io.Out.WriteLine($"Context \"{target.ContextName}\" ({target.ServerUrl}) does not look like a local practice cluster.");
            io.Out.WriteLine($"Tutor will create objects in namespace \"{target.Namespace}\" there and delete them on reset.");
            io.Out.Write($"Type the context name to go on, or press Enter to stop: ");
            if (io.In.ReadLine()?.Trim() != target.ContextName)
            {
                io.Error.WriteLine("tutor: not confirmed; nothing was done.");
                return (null, ExitCodes.BadInput, false);
            }

            confirmations.Confirm(target.ContextName);
        }

        var sandbox = ClusterConnector.IsSandbox(target);
        var session = ClusterSession.Open(target, sandbox, sandbox ? KubectlHint(io, SandboxKubeconfig.DefaultPath(io)) : null);
        var probe = await ClusterProbe.ProbeAsync(session.Connection, cancellationToken: cancellationToken);
        if (probe.Status is ProbeStatus.Reachable or ProbeStatus.Forbidden)
        {
            session.ShellEnvironment = ShellKubeconfig.Environment(io, target);
            return (session, null, false);
        }

        session.Dispose();
        // A sandbox that is gone (its Tutor was killed) left its kubeconfig behind: start a new one without asking.
        if (foundSandbox) return (null, null, false);
        io.Error.WriteLine($"tutor: {probe.Message}");
        if (!io.Interactive) return (null, ExitCodes.Unreachable, false);
        io.Out.Write("Use Tutor's built-in simulated sandbox instead? [y/N] ");
        var answer = io.In.ReadLine()?.Trim().ToLowerInvariant();
        return answer is "y" or "yes" ? (null, null, true) : (null, ExitCodes.Unreachable, false);
    }

    private static Dictionary<string, string> ShellEnvironment(string kubeconfig) => new() { ["KUBECONFIG"] = kubeconfig };

    private static void WriteStartup(string path)
    {
        var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
        File.WriteAllText(path, ((int)elapsed.TotalMilliseconds).ToString());
    }

    /// <summary>The line that points kubectl at a sandbox's kubeconfig, with the home folder written as ~.</summary>
    private static string KubectlHint(CliIo io, string kubeconfig)
    {
        var shown = kubeconfig.StartsWith(io.Home + "/", StringComparison.Ordinal) ? "~" + kubeconfig[io.Home.Length..] : kubeconfig;
        return $"export KUBECONFIG={shown}";
    }
}
