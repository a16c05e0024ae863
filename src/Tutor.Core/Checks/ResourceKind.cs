namespace Tutor.Core.Checks;

/// <summary>A kind of object as a manifest names it: <c>apps/v1</c> + <c>Deployment</c>.</summary>
public sealed record ResourceKind(string ApiVersion, string Kind)
{
    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : "";
    public string Version => ApiVersion.Contains('/') ? ApiVersion[(ApiVersion.IndexOf('/') + 1)..] : ApiVersion;
    public override string ToString() => $"{ApiVersion} {Kind}";
}
