using System.Text;
using System.Text.Json.Nodes;
using Tutor.Sandbox.Auth;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// Fills in legacy ServiceAccount token Secrets (type <c>kubernetes.io/service-account-token</c>, annotated with
/// the account's name): a token, the cluster's CA, the namespace, and the account's uid, which ties the token
/// to that very account. A Secret naming no existing account is left without a token.
/// </summary>
public sealed class ServiceAccountTokenController : IReconciler
{
    public const string SecretType = "kubernetes.io/service-account-token";
    public const string NameAnnotation = "kubernetes.io/service-account.name";
    public const string UidAnnotation = "kubernetes.io/service-account.uid";

    public void OnEvent(StoreEvent change, ControllerLoop loop)
    {
        if (change.Type == "DELETED") return;
        if (change.Resource == ResourceTypes.Secret && change.Object["type"]?.GetValue<string>() == SecretType)
            loop.Enqueue(this, Meta.Key(ResourceTypes.Secret, change.Object));
        // An account created after its Secret lets the Secret get its token now.
        else if (change.Resource == ResourceTypes.ServiceAccount && change.Type == "ADDED")
            foreach (var secret in loop.Store.List(ResourceTypes.Secret, change.Namespace).Items)
                if (secret["type"]?.GetValue<string>() == SecretType && Annotation(secret, NameAnnotation) == change.Name)
                    loop.Enqueue(this, Meta.Key(ResourceTypes.Secret, secret));
    }

    public void Reconcile(ObjectKey key, ControllerLoop loop)
    {
        var secret = loop.Store.Get(key);
        if (secret is null || secret["data"]?["token"] is not null || Annotation(secret, NameAnnotation) is not { Length: > 0 } accountName) return;
        var account = loop.Store.Get(new ObjectKey(ResourceTypes.ServiceAccount, key.Namespace, accountName));
        if (account is null) return;
        loop.Store.Mutate(key, s =>
        {
            if (s["data"]?["token"] is not null) return false;
            var data = s["data"] as JsonObject ?? new JsonObject();
            data["token"] = Base64(TokenRegistry.NewSecret());
            data["namespace"] = Base64(key.Namespace);
            data["ca.crt"] = Base64("-----BEGIN CERTIFICATE-----\n(simulated cluster: no real certificate)\n-----END CERTIFICATE-----\n");
            s["data"] = data;
            var annotations = s["metadata"]!["annotations"] as JsonObject ?? new JsonObject();
            annotations[UidAnnotation] = Meta.Uid(account);
            s["metadata"]!["annotations"] = annotations;
            return true;
        });
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? Annotation(JsonObject o, string name) =>
        o["metadata"]?["annotations"]?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
