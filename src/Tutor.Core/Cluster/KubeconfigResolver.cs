using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace Tutor.Core.Cluster;

/// <summary>
/// Finds the cluster the way kubectl does: <c>--kubeconfig</c>, else the files in KUBECONFIG (merged, the
/// first file wins for a given name), else ~/.kube/config. KubernetesClient's BuildDefaultConfig quietly
/// falls back to http://localhost:8080 when nothing is configured, so the files are looked for here.
/// </summary>
public sealed class KubeconfigResolver
{
    public const string DefaultNamespace = "tutor";

    private readonly Func<string, string?> _environment;
    private readonly string? _home;

    public KubeconfigResolver()
        : this(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
    {
    }

    /// <param name="environment">Reads an environment variable (KUBECONFIG); injectable for tests.</param>
    /// <param name="home">The home directory holding <c>.kube/config</c>; injectable for tests.</param>
    public KubeconfigResolver(Func<string, string?> environment, string? home)
    {
        _environment = environment;
        _home = home;
    }

    public KubeconfigResolution Resolve(KubeconfigOptions options)
    {
        var (files, source, notConfigured) = LocateFiles(options);
        if (notConfigured is not null) return notConfigured;

        K8SConfiguration merged;
        try
        {
            merged = LoadAndMerge(files);
        }
        catch (KubeconfigFileException e)
        {
            return KubeconfigResolution.Invalid(e.Message);
        }

        var contexts = (merged.Contexts ?? []).ToList();
        var contextName = string.IsNullOrWhiteSpace(options.Context) ? merged.CurrentContext : options.Context.Trim();
        var known = contexts.Count == 0 ? "none" : string.Join(", ", contexts.Select(c => c.Name));
        if (string.IsNullOrWhiteSpace(contextName))
        {
            return KubeconfigResolution.Invalid($"{source}: no current-context is set; pick one with --context (known contexts: {known})");
        }

        var context = contexts.FirstOrDefault(c => c.Name == contextName);
        if (context is null)
        {
            return KubeconfigResolution.Invalid($"{source}: context \"{contextName}\" does not exist (known contexts: {known})");
        }

        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, contextName);
        }
        catch (Exception e) when (e is KubeConfigException or FormatException or IOException or System.Security.Cryptography.CryptographicException)
        {
            return KubeconfigResolution.Invalid($"{source}: context \"{contextName}\": {e.Message}");
        }

        // A context's namespace is the learner's (a classroom kubeconfig sets it), except "default": many tools
        // write that into every context, and Tutor never works in a namespace it did not create.
        var contextNamespace = context.ContextDetails?.Namespace is { } ns && ns != "default" ? ns : null;
        var learnerNamespace = FirstNonBlank(options.Namespace, contextNamespace) ?? DefaultNamespace;
        configuration.Namespace = learnerNamespace;
        var server = configuration.Host ?? "";
        return KubeconfigResolution.Resolved(new ClusterTarget(
            configuration, contextName, server, learnerNamespace, source, ContextSafety.LooksLocal(contextName, server),
            new KubeconfigContext(files.Select(Path.GetFullPath).ToList(), context.ContextDetails?.Cluster ?? "", context.ContextDetails?.User ?? "")));
    }

    private (IReadOnlyList<string> Files, string Source, KubeconfigResolution? NotConfigured) LocateFiles(KubeconfigOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.KubeconfigPath))
        {
            var path = options.KubeconfigPath.Trim();
            var source = $"--kubeconfig {path}";
            return File.Exists(path)
                ? ([path], source, null)
                : ([], source, KubeconfigResolution.Invalid($"{path}: kubeconfig file given by --kubeconfig does not exist"));
        }

        var variable = _environment("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(variable))
        {
            var listed = variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Trim('"'))
                .Where(p => p.Length > 0)
                .Distinct()
                .ToList();
            // kubectl skips files in KUBECONFIG that do not exist; only when none exists is nothing configured.
            var existing = listed.Where(File.Exists).ToList();
            return existing.Count > 0
                ? (existing, $"KUBECONFIG ({string.Join(Path.PathSeparator, existing)})", null)
                : ([], "KUBECONFIG", KubeconfigResolution.NotConfigured(
                    $"no cluster configured: KUBECONFIG names {string.Join(", ", listed)}, which does not exist"));
        }

        var home = string.IsNullOrWhiteSpace(_home) ? null : Path.Combine(_home, ".kube", "config");
        if (home is not null && File.Exists(home)) return ([home], "~/.kube/config", null);

        return ([], "", KubeconfigResolution.NotConfigured(
            "no cluster configured: no --kubeconfig, KUBECONFIG is not set and ~/.kube/config does not exist"));
    }

    private static K8SConfiguration LoadAndMerge(IReadOnlyList<string> files)
    {
        K8SConfiguration? merged = null;
        foreach (var file in files)
        {
            var loaded = LoadOne(file);
            if (merged is null)
            {
                merged = loaded;
                continue;
            }

            merged.CurrentContext ??= loaded.CurrentContext;
            merged.Clusters = FirstWins(merged.Clusters, loaded.Clusters, c => c.Name);
            merged.Users = FirstWins(merged.Users, loaded.Users, u => u.Name);
            merged.Contexts = FirstWins(merged.Contexts, loaded.Contexts, c => c.Name);
        }

        return merged!;
    }

    // KubernetesClient's own loader first builds a YAML reader that knows every Kubernetes model type,
    // about a quarter of a second at start-up; a kubeconfig needs only its own few types.
    private static readonly YamlDotNet.Serialization.IDeserializer KubeconfigReader =
        new YamlDotNet.Serialization.DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    private static K8SConfiguration LoadOne(string file)
    {
        K8SConfiguration loaded;
        try
        {
            loaded = KubeconfigReader.Deserialize<K8SConfiguration>(File.ReadAllText(file));
        }
        catch (Exception e)
        {
            throw new KubeconfigFileException($"{file}: cannot read kubeconfig: {Flatten(e)}");
        }

        if (loaded is null) throw new KubeconfigFileException($"{file}: the kubeconfig is empty");
        AbsolutizePaths(loaded, file);
        return loaded;
    }

    // After merging only one file name is remembered, so relative certificate paths are made absolute
    // against the file that wrote them (kubectl resolves them the same way).
    private static void AbsolutizePaths(K8SConfiguration config, string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        string? Absolute(string? path) => string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path : Path.Combine(directory, path);

        foreach (var cluster in config.Clusters ?? [])
        {
            if (cluster.ClusterEndpoint is { } endpoint) endpoint.CertificateAuthority = Absolute(endpoint.CertificateAuthority);
        }

        foreach (var user in config.Users ?? [])
        {
            if (user.UserCredentials is not { } credentials) continue;
            credentials.ClientCertificate = Absolute(credentials.ClientCertificate);
            credentials.ClientKey = Absolute(credentials.ClientKey);
        }
    }

    private static List<T> FirstWins<T>(IEnumerable<T>? first, IEnumerable<T>? second, Func<T, string> name)
    {
        var result = (first ?? []).ToList();
        var seen = result.Select(name).ToHashSet();
        result.AddRange((second ?? []).Where(item => seen.Add(name(item))));
        return result;
    }

    private static string Flatten(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message)) messages.Add(current.Message);
        }

        return string.Join(": ", messages);
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private sealed class KubeconfigFileException(string message) : Exception(message);
}
