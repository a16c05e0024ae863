namespace Tutor.Sandbox.Auth;

/// <summary>A ServiceAccount token the server handed out: whose it is (down to the account's uid) and until when it works.</summary>
public sealed record IssuedToken(string Namespace, string ServiceAccount, string ServiceAccountUid, DateTimeOffset Expires);
