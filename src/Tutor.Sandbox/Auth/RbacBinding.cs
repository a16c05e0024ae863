namespace Tutor.Sandbox.Auth;

/// <summary>
/// A RoleBinding (<see cref="Namespace"/> set) or ClusterRoleBinding (<see cref="Namespace"/> empty): who it
/// binds and to which Role or ClusterRole.
/// </summary>
public sealed record RbacBinding(string Namespace, string Name, string RoleKind, string RoleName, IReadOnlyList<RbacSubject> Subjects)
{
    public string Kind => Namespace.Length == 0 ? "ClusterRoleBinding" : "RoleBinding";

    public string Describe() => Namespace.Length == 0 ? $"{Kind} \"{Name}\"" : $"{Kind} \"{Name}/{Namespace}\"";
}
