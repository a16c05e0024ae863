using k8s;

namespace Tutor.Core.Cluster;

/// <summary>A resolved cluster to talk to: the client configuration plus what the learner sees about it.</summary>
/// <param name="Source">Where the configuration came from, e.g. <c>--kubeconfig ./kc.yaml</c> or <c>~/.kube/config</c>.</param>
/// <param name="LooksLocal">True for contexts such as kind-*, minikube or a loopback server; others need a confirmation once.</param>
/// <param name="Kubeconfig">The files and names behind the context, when it came from kubeconfig files.</param>
public sealed record ClusterTarget(
    KubernetesClientConfiguration Configuration,
    string ContextName,
    string ServerUrl,
    string Namespace,
    string Source,
    bool LooksLocal,
    KubeconfigContext? Kubeconfig = null);
