using System.Security.Cryptography;
using System.Text;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// Turns a bearer token into a user: the admin token of the sandbox's own kubeconfig, or a ServiceAccount
/// token (issued by a TokenRequest, or held in a legacy token Secret) whose account still exists (same uid, so a deleted and recreated account does not inherit it).
/// </summary>
public sealed class Authenticator(string adminToken, TokenRegistry tokens, SecretTokenIndex secretTokens, ObjectStore store)
{
    private readonly byte[] _admin = Encoding.UTF8.GetBytes(adminToken);

    public TokenRegistry Tokens => tokens;

    /// <summary>The user of an <c>Authorization</c> header value, or null when it proves nobody.</summary>
    public UserInfo? Authenticate(string authorizationHeader)
    {
        if (!authorizationHeader.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        var token = authorizationHeader[7..].Trim();
        if (token.Length == 0) return null;
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _admin)) return UserInfo.Admin;
        if ((tokens.Find(token) ?? secretTokens.Find(token)) is not { } issued) return null;
        var account = store.Get(new ObjectKey(ResourceTypes.ServiceAccount, issued.Namespace, issued.ServiceAccount));
        if (account?["metadata"]?["uid"]?.GetValue<string>() != issued.ServiceAccountUid) return null;
        return UserInfo.ForServiceAccount(issued.Namespace, issued.ServiceAccount, issued.ServiceAccountUid);
    }
}
