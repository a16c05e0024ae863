using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>rbac.authorization.k8s.io/v1: roles and their bindings.</summary>
public static class RbacMessages
{
    private static FieldSchema Metadata => Message(1, "metadata", MetaMessages.ObjectMeta);

    public static readonly MessageSchema PolicyRule = new("PolicyRule",
        Texts(1, "verbs"), Texts(2, "apiGroups"), Texts(3, "resources"), Texts(4, "resourceNames"), Texts(5, "nonResourceURLs"));

    public static readonly MessageSchema Subject = new("Subject", Text(1, "kind"), Text(2, "apiGroup"), Text(3, "name"), Text(4, "namespace"));

    public static readonly MessageSchema RoleRef = new("RoleRef", Text(1, "apiGroup").KeepZero(), Text(2, "kind"), Text(3, "name"));

    public static readonly MessageSchema Role = new("Role", Metadata, Messages(2, "rules", PolicyRule));

    public static readonly MessageSchema ClusterRole = new("ClusterRole", Metadata, Messages(2, "rules", PolicyRule),
        Message(3, "aggregationRule", new MessageSchema("AggregationRule", Messages(1, "clusterRoleSelectors", MetaMessages.LabelSelector))));

    public static readonly MessageSchema RoleBinding = new("RoleBinding", Metadata, Messages(2, "subjects", Subject), Message(3, "roleRef", RoleRef));

    public static readonly MessageSchema ClusterRoleBinding = new("ClusterRoleBinding", Metadata, Messages(2, "subjects", Subject), Message(3, "roleRef", RoleRef));
}
