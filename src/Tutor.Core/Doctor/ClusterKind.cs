namespace Tutor.Core.Doctor;

/// <summary>The kinds of cluster Tutor knows how to advise on.</summary>
public enum ClusterKind { Sandbox, Kind, Minikube, K3d, DockerDesktop, Other }

/// <summary>Tells the kind of cluster from what kubeconfig and nodes say, the strongest sign first.</summary>
public static class ClusterKindDetector
{
    public static ClusterKind Detect(ClusterFacts facts)
    {
        var context = facts.Context;
        if (context == "tutor-sandbox") return ClusterKind.Sandbox;
        if (facts.Nodes.Any(n => n.ProviderId?.StartsWith("kind://", StringComparison.Ordinal) == true)) return ClusterKind.Kind;
        if (facts.Nodes.Any(n => n.Labels.ContainsKey("minikube.k8s.io/name"))) return ClusterKind.Minikube;
        if (facts.Nodes.Any(n => n.ProviderId?.StartsWith("k3s://", StringComparison.Ordinal) == true && n.Name.StartsWith("k3d-", StringComparison.Ordinal)))
            return ClusterKind.K3d;
        if (facts.Nodes.Any(n => n.Name == "docker-desktop")) return ClusterKind.DockerDesktop;
        if (context.StartsWith("kind-", StringComparison.Ordinal)) return ClusterKind.Kind;
        if (context == "minikube") return ClusterKind.Minikube;
        if (context.StartsWith("k3d-", StringComparison.Ordinal)) return ClusterKind.K3d;
        if (context == "docker-desktop") return ClusterKind.DockerDesktop;
        return ClusterKind.Other;
    }
}
