using Tutor.Sandbox.Api.Protobuf.Schemas;

namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>The kinds the sandbox reads from a protobuf body (objects and a DELETE's options), by the envelope's apiVersion and kind.</summary>
public static class ProtobufKinds
{
    private static readonly Dictionary<(string ApiVersion, string Kind), MessageSchema> Kinds = new[]
    {
        ("v1", CoreMessages.Namespace), ("v1", CoreMessages.ConfigMap), ("v1", CoreMessages.Secret), ("v1", CoreMessages.ServiceAccount),
        ("v1", CoreMessages.Service), ("v1", CoreMessages.Pod), ("v1", CoreMessages.ResourceQuota), ("v1", CoreMessages.LimitRange),
        ("v1", VolumeMessages.PersistentVolumeClaim),
        ("apps/v1", AppsMessages.Deployment), ("apps/v1", AppsMessages.ReplicaSet), ("apps/v1", AppsMessages.StatefulSet), ("apps/v1", AppsMessages.DaemonSet),
        ("batch/v1", BatchMessages.Job), ("batch/v1", BatchMessages.CronJob),
        ("networking.k8s.io/v1", NetworkingMessages.Ingress), ("networking.k8s.io/v1", NetworkingMessages.NetworkPolicy),
        ("policy/v1", PolicyMessages.PodDisruptionBudget), ("autoscaling/v1", AutoscalingMessages.HorizontalPodAutoscaler),
        ("rbac.authorization.k8s.io/v1", RbacMessages.Role), ("rbac.authorization.k8s.io/v1", RbacMessages.ClusterRole),
        ("rbac.authorization.k8s.io/v1", RbacMessages.RoleBinding), ("rbac.authorization.k8s.io/v1", RbacMessages.ClusterRoleBinding),
        ("authorization.k8s.io/v1", ReviewMessages.SubjectAccessReview), ("authorization.k8s.io/v1", ReviewMessages.LocalSubjectAccessReview),
        ("authorization.k8s.io/v1", ReviewMessages.SelfSubjectAccessReview), ("authorization.k8s.io/v1", ReviewMessages.SelfSubjectRulesReview),
        ("authentication.k8s.io/v1", ReviewMessages.SelfSubjectReview), ("authentication.k8s.io/v1", ReviewMessages.TokenRequest),
        ("v1", MetaMessages.DeleteOptions), ("meta.k8s.io/v1", MetaMessages.DeleteOptions),
    }.ToDictionary(k => (k.Item1, k.Item2.Name), k => k.Item2);

    public static MessageSchema? Find(string apiVersion, string kind) => Kinds.GetValueOrDefault((apiVersion, kind));

    public static IEnumerable<(string ApiVersion, string Kind)> All => Kinds.Keys;
}
