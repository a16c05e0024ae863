using System.CommandLine;
using System.Runtime.InteropServices;
using Tutor.Sandbox;

namespace Tutor.Cli;

/// <summary><c>tutor sandbox [--kubeconfig FILE] [--port N] [--data DIR]</c>: the simulated cluster in the foreground, until Ctrl+C.</summary>
public static class SandboxCommand
{
    public static Command Create(CliIo io)
    {
        // Its own --kubeconfig: the file to write, not a cluster to read.
        var file = new Option<string?>("--kubeconfig") { Description = "Where to write the sandbox's kubeconfig (default: Tutor's state folder)" };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default: a free one)" };
        var data = new Option<string?>("--data") { Description = "Keep the cluster's objects in this folder across restarts (default: in memory only)" };
        var command = new Command("sandbox", "Run the built-in simulated cluster and write a kubeconfig for it") { file, port, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file) ?? SandboxKubeconfig.DefaultPath(io), io.WorkingDirectory);
            var dataDirectory = parse.GetValue(data) is { } folder ? Path.GetFullPath(folder, io.WorkingDirectory) : null;
            await using var server = await SandboxServer.StartAsync(
                new SandboxOptions { Port = parse.GetValue(port), DataDirectory = dataDirectory, Log = io.Error.WriteLine }, cancellationToken);
            var kubeconfig = server.Kubeconfig(SandboxKubeconfig.ContextName);
            SandboxKubeconfig.Write(path, kubeconfig);
            io.Out.WriteLine($"Sandbox (a simulated cluster) listening on {server.Url}");
            io.Out.WriteLine($"Its kubeconfig: {path}");
            io.Out.WriteLine();
            io.Out.WriteLine("In another terminal:");
            io.Out.WriteLine($"  export KUBECONFIG={path}");
            io.Out.WriteLine("  kubectl get nodes          # kubectl works against it");
            io.Out.WriteLine("  tutor                      # and so does Tutor (it also finds it without KUBECONFIG)");
            io.Out.WriteLine();
            io.Out.WriteLine(dataDirectory is null
                ? "Ctrl+C stops it; everything in it is forgotten."
                : $"Ctrl+C stops it; its objects are kept in {dataDirectory} for the next start.");
            await io.Out.FlushAsync(cancellationToken);

            var stop = new TaskCompletionSource();
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
            using var cancelled = cancellationToken.Register(() => stop.TrySetResult());
            await stop.Task;
            SandboxKubeconfig.Remove(path, kubeconfig);
            io.Out.WriteLine("Sandbox stopped.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
