namespace Tutor.Sandbox.Store;

/// <summary>Where one object lives: its type, namespace ("" for cluster-scoped) and name.</summary>
public readonly record struct ObjectKey(ResourceType Type, string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? $"{Type.Plural}/{Name}" : $"{Type.Plural}/{Namespace}/{Name}";
}
