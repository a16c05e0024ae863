using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// The ServiceAccount tokens the server issued. Tokens are opaque random strings known only here (no JWT):
/// the server looks them up, so revoking one is forgetting it.
/// </summary>
public sealed class TokenRegistry(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string Issue(string ns, string serviceAccount, string uid, TimeSpan lifetime)
    {
        var token = NewSecret();
        _tokens[token] = new IssuedToken(ns, serviceAccount, uid, clock.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>Remembers a token that lives as long as its ServiceAccount (the legacy Secret kind).</summary>
    public void Register(string token, string ns, string serviceAccount, string uid) =>
        _tokens[token] = new IssuedToken(ns, serviceAccount, uid, DateTimeOffset.MaxValue);

    /// <summary>The token's record while it is unexpired; an expired one is forgotten on sight.</summary>
    public IssuedToken? Find(string token)
    {
        if (!_tokens.TryGetValue(token, out var issued)) return null;
        if (issued.Expires > clock.GetUtcNow()) return issued;
        _tokens.TryRemove(token, out _);
        return null;
    }
}
