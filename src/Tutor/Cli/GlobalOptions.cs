using System.CommandLine;
using Tutor.Core.Cluster;

namespace Tutor.Cli;

/// <summary>Options every verb understands, spelled as kubectl spells them.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path to the kubeconfig file to use", Recursive = true };
    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use", Recursive = true };
    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "The learner's namespace (default: tutor)", Recursive = true };
    public Option<string?> Lessons { get; } = new("--lessons") { Description = "Folder holding lessons.json (default: the one shipped with Tutor)", Recursive = true };

    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Confirm a context that does not look like a local cluster", Recursive = true };

    public KubeconfigOptions KubeconfigOptions(ParseResult parse) => new()
    {
        KubeconfigPath = parse.GetValue(Kubeconfig),
        Context = parse.GetValue(Context),
        Namespace = parse.GetValue(Namespace),
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Yes);
        root.Options.Add(Kubeconfig);
        root.Options.Add(Context);
        root.Options.Add(Namespace);
        root.Options.Add(Lessons);
    }
}
