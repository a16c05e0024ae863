using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Auth;

/// <summary>
/// The tokens held in legacy ServiceAccount token Secrets, kept current from the store's changes so a request
/// never scans Secrets. A token works while its Secret exists and names the account (by name and uid).
/// </summary>
public sealed class SecretTokenIndex : IDisposable
{
    private const string SecretType = "kubernetes.io/service-account-token";

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ObjectKey, string> _bySecret = new();
    private readonly StoreSubscription _subscription;

    public SecretTokenIndex(ObjectStore store)
    {
        // Subscribe and read what exists in one step, so no Secret slips between the two.
        _subscription = store.Atomically(() =>
        {
            foreach (var secret in store.List(ResourceTypes.Secret).Items) Track(secret);
            return store.Subscribe(e =>
            {
                if (e.Resource != ResourceTypes.Secret) return false;
                Forget(Key(e.Object));
                if (e.Type != "DELETED") Track(e.Object);
                return false;
            });
        });
    }

    public IssuedToken? Find(string token) => _tokens.GetValueOrDefault(token);

    public void Dispose() => _subscription.Dispose();

    private void Track(JsonObject secret)
    {
        if (Text(secret["type"]) != SecretType || Text(secret["data"]?["token"]) is not { } encoded) return;
        var annotations = secret["metadata"]?["annotations"];
        if (Text(annotations?["kubernetes.io/service-account.name"]) is not { } account || Text(annotations?["kubernetes.io/service-account.uid"]) is not { } uid) return;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return;
        }

        var key = Key(secret);
        _tokens[token] = new IssuedToken(key.Namespace, account, uid, DateTimeOffset.MaxValue);
        _bySecret[key] = token;
    }

    private void Forget(ObjectKey secret)
    {
        if (_bySecret.TryRemove(secret, out var token)) _tokens.TryRemove(token, out _);
    }

    private static ObjectKey Key(JsonObject secret) =>
        new(ResourceTypes.Secret, Text(secret["metadata"]?["namespace"]) ?? "", Text(secret["metadata"]?["name"]) ?? "");

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
