namespace Tutor.Sandbox.Controllers.Storage;

/// <summary>A volume provisioner the sandbox simulates: the access modes it can give and how it refuses others.</summary>
public sealed record Provisioner(string Name, IReadOnlyList<string> AccessModes, string Refusal)
{
    /// <summary>The local-path provisioner a kind cluster ships: node-local directories, one writer node.</summary>
    public static readonly IReadOnlyList<Provisioner> Known =
    [
        new("rancher.io/local-path", ["ReadWriteOnce", "ReadWriteOncePod"], "Only support ReadWriteOnce access mode"),
        new("kubernetes.io/no-provisioner", [], ""),
    ];

    /// <summary>The provisioner named <paramref name="name"/>, or null when nothing in the sandbox would answer for it.</summary>
    public static Provisioner? Find(string? name) => Known.FirstOrDefault(p => p.Name == name && p.AccessModes.Count > 0);
}
