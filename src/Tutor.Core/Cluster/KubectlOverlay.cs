namespace Tutor.Core.Cluster;

/// <summary>
/// A kubeconfig of one context, put first in KUBECONFIG before the learner's own files, so kubectl run from the
/// screen uses the context Tutor works on (even when chosen with --context) and the learner's namespace, without
/// touching the learner's files. kubectl merges the files; the first to set current-context wins. Pure.
/// </summary>
public static class KubectlOverlay
{
    public const string ContextName = "tutor-learner";

    public static string Yaml(string cluster, string user, string @namespace) =>
        $"""
        apiVersion: v1
        kind: Config
        contexts:
        - name: {ContextName}
          context:
            cluster: {Quote(cluster)}
            user: {Quote(user)}
            namespace: {Quote(@namespace)}
        current-context: {ContextName}
        """ + "\n";

    /// <summary>The KUBECONFIG value: the overlay, then the files the context came from.</summary>
    public static string KubeconfigVariable(string overlay, KubeconfigContext context) =>
        string.Join(Path.PathSeparator, new[] { overlay }.Concat(context.Files));

    // Names such as "arn:aws:eks:…" or "kind-tutor" are safe in double quotes once quotes and backslashes are escaped.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
