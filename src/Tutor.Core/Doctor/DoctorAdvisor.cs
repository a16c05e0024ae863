using Tutor.Core.Catalogue;

namespace Tutor.Core.Doctor;

/// <summary>
/// Judges <see cref="ClusterFacts"/>: what is there, what is missing and the command that adds it on this kind of
/// cluster, and which lessons can run given their declared <c>requires</c>. Pure.
/// </summary>
public static class DoctorAdvisor
{
    public const string KubectlFinding = "kubectl";
    public const string ClusterFinding = "cluster";
    public const string StorageFinding = "default StorageClass";
    public const string RightsFinding = "rights in your namespace";
    public const string ClusterWideFinding = "cluster-wide rights";

    public static DoctorReport Judge(ClusterFacts facts, IReadOnlyList<Lesson> lessons)
    {
        var kind = ClusterKindDetector.Detect(facts);
        var findings = new List<DoctorFinding>
        {
            facts.KubectlVersion is { } kubectl
                ? new(KubectlFinding, FindingStatus.Ok, $"kubectl {kubectl} on PATH")
                : new(KubectlFinding, FindingStatus.Missing, "kubectl is not on PATH", "install kubectl 1.28 or newer; Tutor's lessons ask you to type kubectl commands"),
            facts.Reachable
                ? new(ClusterFinding, FindingStatus.Ok, $"{Name(kind)} \"{facts.Context}\" at {facts.Server} answers, Kubernetes {facts.ServerVersion ?? "of unknown version"}")
                : new(ClusterFinding, FindingStatus.Missing, $"\"{facts.Context}\" at {facts.Server} does not answer: {facts.Unreachable}", "start the cluster, or run `tutor sandbox`"),
        };
        if (facts.Reachable)
        {
            findings.Add(facts.DefaultStorageClass is { } storage
                ? new(StorageFinding, FindingStatus.Ok, $"{storage} is the default")
                : new(StorageFinding, FindingStatus.Missing,
                    facts.StorageClasses.Count == 0 ? "no StorageClass" : $"none of {string.Join(", ", facts.StorageClasses)} is marked default",
                    kind == ClusterKind.Minikube ? "minikube addons enable default-storageclass storage-provisioner"
                        : "mark one default: kubectl annotate storageclass NAME storageclass.kubernetes.io/is-default-class=true"));
            findings.Add(Rights(RightsFinding, facts.CanWorkInNamespace, "create Deployments in your namespace"));
            findings.Add(Rights(ClusterWideFinding, facts.CanCreateClusterWide, "create Namespaces"));
            foreach (var addon in CatalogueLoader.KnownAddons) findings.Add(Addon(addon, facts, kind));
        }

        var missingAddons = findings.Where(f => f.Status == FindingStatus.Missing).Select(f => f.Name).ToHashSet();
        var readiness = lessons.Select(lesson =>
        {
            var missing = new List<string>();
            if (!facts.Reachable) missing.Add(ClusterFinding);
            if (facts.CanWorkInNamespace == false) missing.Add(RightsFinding);
            if (lesson.Requires.ClusterWide && facts.CanCreateClusterWide == false) missing.Add(ClusterWideFinding);
            missing.AddRange(lesson.Requires.Addons.Where(missingAddons.Contains));
            return new LessonReadiness(lesson.Id, lesson.Title, missing.Count == 0, missing)
            {
                OptionalMissing = lesson.Requires.OptionalAddons.Where(missingAddons.Contains).ToList(),
            };
        }).ToList();
        return new DoctorReport(kind, findings, readiness);
    }

    private static DoctorFinding Rights(string name, bool? allowed, string what) => allowed switch
    {
        true => new(name, FindingStatus.Ok, $"you may {what}"),
        false => new(name, FindingStatus.Missing, $"you may not {what}", "ask the cluster's administrator for a Role (or ClusterRole) that allows it"),
        null => new(name, FindingStatus.Unknown, $"could not be determined (the cluster did not answer a SelfSubjectAccessReview)"),
    };

    private static DoctorFinding Addon(string addon, ClusterFacts facts, ClusterKind kind)
    {
        // The sandbox keeps Ingresses and NetworkPolicies, and the lessons' checks read only those objects.
        if (kind == ClusterKind.Sandbox && addon is "ingress-controller" or "network-policy")
            return new(addon, FindingStatus.Ok, "simulated: the sandbox keeps the objects the checks read, but no traffic flows");
        var found = RealAddon(addon, facts, kind);
        return kind == ClusterKind.Sandbox && found.Status == FindingStatus.Missing
            ? found with { Fix = $"the sandbox has no {addon}; run this lesson on kind or minikube" }
            : found;
    }

    private static DoctorFinding RealAddon(string addon, ClusterFacts facts, ClusterKind kind) => addon switch
    {
        "ingress-controller" => facts.IngressClasses.Count > 0 || facts.IngressControllerPods.Count > 0
            ? new(addon, FindingStatus.Ok, facts.IngressClasses.Count > 0 ? $"IngressClass {string.Join(", ", facts.IngressClasses)}" : $"controller pods {string.Join(", ", facts.IngressControllerPods)}")
            : new(addon, FindingStatus.Missing, "no IngressClass and no ingress controller pods", kind switch
            {
                ClusterKind.Minikube => "minikube addons enable ingress",
                ClusterKind.Kind => "kubectl apply -f https://kind.sigs.k8s.io/examples/ingress/deploy-ingress-nginx.yaml (the cluster needs the ingress-ready node label and ports 80/443 mapped)",
                ClusterKind.K3d => "k3d ships Traefik unless it was disabled: recreate the cluster without --disable=traefik",
                _ => "install ingress-nginx: helm upgrade --install ingress-nginx ingress-nginx --repo https://kubernetes.github.io/ingress-nginx -n ingress-nginx --create-namespace",
            }),
        "metrics-server" => facts.MetricsApi
            ? new(addon, FindingStatus.Ok, "metrics.k8s.io is served")
            : new(addon, FindingStatus.Missing, "metrics.k8s.io is not served", kind switch
            {
                ClusterKind.Minikube => "minikube addons enable metrics-server",
                ClusterKind.Kind => "kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml, then add --kubelet-insecure-tls to its args",
                _ => "kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml",
            }),
        "network-policy" => facts.NetworkPolicyPods.Count > 0 || kind == ClusterKind.K3d
            ? new(addon, FindingStatus.Ok, kind == ClusterKind.K3d && facts.NetworkPolicyPods.Count == 0 ? "k3s enforces NetworkPolicy itself" : $"CNI pods {string.Join(", ", facts.NetworkPolicyPods.Take(3))}")
            : new(addon, FindingStatus.Missing, "no CNI that enforces NetworkPolicy (Calico, Cilium, Antrea, Weave) was found", kind switch
            {
                ClusterKind.Minikube => "minikube start --cni=calico",
                ClusterKind.Kind => "recreate the cluster with networking.disableDefaultCNI: true, then install Calico",
                _ => "install a CNI that enforces NetworkPolicy, such as Calico or Cilium",
            }),
        "flux" => facts.FluxInstalled
            ? new(addon, FindingStatus.Ok, "Flux's APIs are served")
            : new(addon, FindingStatus.Missing, "Flux is not installed", "flux install"),
        _ => new(addon, FindingStatus.Unknown, "Tutor does not know how to look for this add-on"),
    };

    private static string Name(ClusterKind kind) => kind switch
    {
        ClusterKind.Sandbox => "the sandbox",
        ClusterKind.Kind => "kind cluster",
        ClusterKind.Minikube => "minikube cluster",
        ClusterKind.K3d => "k3d cluster",
        ClusterKind.DockerDesktop => "Docker Desktop cluster",
        _ => "cluster",
    };
}
