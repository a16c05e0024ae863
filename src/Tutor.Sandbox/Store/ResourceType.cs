namespace Tutor.Sandbox.Store;

/// <summary>One kind of object the sandbox serves: where it lives in the API and whether it belongs to a namespace.</summary>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced, string[]? ShortNames = null)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    public string Singular => Kind.ToLowerInvariant();

    public override string ToString() => $"{Plural}.{(Group.Length == 0 ? "core" : Group)}";
}
