using k8s;
using Tutor.Engine;
using Tutor.Sandbox;
using Tutor.Tests.Cli;

namespace Tutor.Tests.Classroom;

/// <summary>One sandbox for a test class, its admin kubeconfig for the instructor, and a folder for the learners' kubeconfigs. Tests keep apart by classroom name.</summary>
public sealed class ClassroomSandbox : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "tutor-classroom-" + Guid.NewGuid().ToString("N")[..8]);

    public SandboxServer Server { get; private set; } = null!;

    public Kubernetes Admin { get; private set; } = null!;

    public string AdminKubeconfig => Path.Combine(Directory, "admin.kubeconfig");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
        Admin = new Kubernetes(SandboxClient.Configuration(Server));
        await File.WriteAllTextAsync(AdminKubeconfig, Server.Kubeconfig());
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>The command line as the instructor runs it, on this sandbox.</summary>
    internal CliRun Instructor() => new CliRun().With("KUBECONFIG", AdminKubeconfig);

    /// <summary>The command line as a learner runs it, with the kubeconfig provision wrote for them.</summary>
    internal CliRun Learner(string kubeconfig) => new CliRun().With("KUBECONFIG", kubeconfig);

    public string Out(string classroom) => Path.Combine(Directory, classroom);

    public string KubeconfigOf(string classroom, string learner) => Path.Combine(Out(classroom), learner + ".kubeconfig");

    /// <summary>A client that holds the learner's token and nothing else, built from their kubeconfig file.</summary>
    public static Kubernetes ClientFrom(string kubeconfig) => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
}
