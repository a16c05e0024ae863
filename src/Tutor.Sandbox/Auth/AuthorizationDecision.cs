namespace Tutor.Sandbox.Auth;

/// <summary>What the authorizer decided, and why (the binding and role that allowed it).</summary>
public sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static AuthorizationDecision Deny { get; } = new(false, "");
}
