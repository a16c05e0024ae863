using System.Text.Json.Nodes;
using Tutor.Sandbox.Auth;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// Answers the create-only review kinds (can-i, rules, whoami) and TokenRequest. Each answer is the posted
/// object with its <c>status</c> filled in; nothing is stored except an issued token.
/// </summary>
public sealed class ReviewHandler(RbacIndex rbac, TokenRegistry tokens, ObjectStore store)
{
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan ShortestTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Whether this (already authorized) request is one of the reviews or a TokenRequest.</summary>
    public static bool Handles(RequestAttributes request) =>
        request.IsResourceRequest && request.Verb == "create"
        && (ReviewResources.Find(request.ApiGroup, request.Resource) is { } type && type.Namespaced == (request.Namespace.Length > 0) && request.Name.Length == 0
            || request is { ApiGroup: "", Resource: "serviceaccounts", Subresource: "token" });

    public JsonObject Handle(RequestAttributes request, JsonObject body)
    {
        if (request.Resource == "serviceaccounts") return IssueToken(request, body);
        var type = ReviewResources.Find(request.ApiGroup, request.Resource)!;
        var kind = body["kind"] is JsonValue k && k.TryGetValue<string>(out var given) ? given : null;
        if (kind is not null && kind != type.Kind)
            throw ApiError.BadRequest($"the kind \"{kind}\" is not \"{type.Kind}\"");
        var spec = body["spec"] as JsonObject ?? (type == ReviewResources.SelfSubjectReview ? new JsonObject() : throw ApiError.Invalid($"{type.Kind}.{type.Group}", "", [FieldCause.Required("spec")]));
        var status = type.Kind switch
        {
            "SelfSubjectAccessReview" => Access(type, request.User, spec, null),
            "SubjectAccessReview" => Access(type, Subject(type, spec), spec, null),
            "LocalSubjectAccessReview" => Access(type, Subject(type, spec), spec, request.Namespace),
            "SelfSubjectRulesReview" => Rules(request.User, Text(spec["namespace"]) ?? ""),
            _ => new JsonObject { ["userInfo"] = UserJson(request.User) },
        };
        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        metadata["creationTimestamp"] = null;
        if (type.Namespaced) metadata["namespace"] = request.Namespace;
        return new JsonObject
        {
            ["kind"] = type.Kind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = metadata.DeepClone(),
            ["spec"] = spec.DeepClone(),
            ["status"] = status,
        };
    }

    private JsonObject Access(ResourceType type, UserInfo user, JsonObject spec, string? localNamespace)
    {
        RequestAttributes attributes;
        if (spec["resourceAttributes"] is JsonObject resource)
        {
            var ns = Text(resource["namespace"]) ?? "";
            if (localNamespace is not null)
            {
                if (ns.Length > 0 && ns != localNamespace)
                    throw Invalid(type, "spec.resourceAttributes.namespace", $"Invalid value: \"{ns}\": must match metadata.namespace");
                ns = localNamespace;
            }

            attributes = new RequestAttributes(user, Text(resource["verb"]) ?? "", true, Text(resource["group"]) ?? "",
                Text(resource["resource"]) ?? "", Text(resource["subresource"]) ?? "", ns, Text(resource["name"]) ?? "");
        }
        else if (spec["nonResourceAttributes"] is JsonObject nonResource && localNamespace is null)
        {
            attributes = RequestAttributes.ForPath(user, Text(nonResource["verb"]) ?? "", Text(nonResource["path"]) ?? "");
        }
        else
        {
            throw Invalid(type, "spec.resourceAttributes", localNamespace is null
                ? "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified"
                : "Required value: resourceAttributes must be specified");
        }

        var decision = Authorizer.Authorize(rbac.Policy, attributes);
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Reason.Length > 0) status["reason"] = decision.Reason;
        return status;
    }

    private static UserInfo Subject(ResourceType type, JsonObject spec)
    {
        var user = Text(spec["user"]) ?? "";
        var groups = (spec["groups"] as JsonArray ?? []).Select(Text).OfType<string>().ToList();
        if (user.Length == 0 && groups.Count == 0)
            throw Invalid(type, "spec.user", "Required value: at least one of user or group must be specified");
        return new UserInfo(user, groups, Text(spec["uid"]));
    }

    private JsonObject Rules(UserInfo user, string ns)
    {
        var rules = Authorizer.RulesFor(rbac.Policy, user, ns);
        var resourceRules = new JsonArray();
        var nonResourceRules = new JsonArray();
        foreach (var rule in rules)
        {
            if (rule.NonResourceUrls.Count > 0 && rule.Resources.Count == 0) nonResourceRules.Add(rule.ToJson());
            else resourceRules.Add(rule.ToJson());
        }

        return new JsonObject { ["resourceRules"] = resourceRules, ["nonResourceRules"] = nonResourceRules, ["incomplete"] = false };
    }

    private JsonObject IssueToken(RequestAttributes request, JsonObject body)
    {
        var account = store.Get(new ObjectKey(ResourceTypes.ServiceAccount, request.Namespace, request.Name))
            ?? throw ResourceHandler.NotFound(ResourceTypes.ServiceAccount, request.Name);
        var spec = body["spec"] as JsonObject ?? new JsonObject();
        var lifetime = DefaultTokenLifetime;
        if (spec["expirationSeconds"] is { } given)
        {
            if (given is not JsonValue value || !value.TryGetValue<long>(out var seconds))
                throw ApiError.Invalid("TokenRequest.authentication.k8s.io", request.Name, [new FieldCause("spec.expirationSeconds", "Invalid value: must be an integer")]);
            lifetime = TimeSpan.FromSeconds(seconds);
            if (lifetime < ShortestTokenLifetime)
                throw ApiError.Invalid("TokenRequest.authentication.k8s.io", request.Name, [new FieldCause("spec.expirationSeconds", "Invalid value: may not specify a duration less than 10 minutes")]);
        }

        var token = tokens.Issue(request.Namespace, request.Name, Text(account["metadata"]?["uid"]) ?? "", lifetime);
        var expires = store.Clock.GetUtcNow() + lifetime;
        return new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = request.Name, ["namespace"] = request.Namespace, ["creationTimestamp"] = null },
            ["spec"] = new JsonObject
            {
                ["audiences"] = spec["audiences"] is JsonArray { Count: > 0 } audiences ? audiences.DeepClone() : new JsonArray("https://kubernetes.default.svc.cluster.local"),
                ["expirationSeconds"] = (long)lifetime.TotalSeconds,
                ["boundObjectRef"] = spec["boundObjectRef"]?.DeepClone(),
            },
            ["status"] = new JsonObject
            {
                ["token"] = token,
                ["expirationTimestamp"] = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            },
        };
    }

    private static JsonObject UserJson(UserInfo user)
    {
        var json = new JsonObject
        {
            ["username"] = user.Name,
            ["groups"] = new JsonArray(user.Groups.Select(g => (JsonNode)g).ToArray()),
        };
        if (user.Uid is not null) json["uid"] = user.Uid;
        return json;
    }

    private static ApiError Invalid(ResourceType type, string field, string message) =>
        ApiError.Invalid($"{type.Kind}.{type.Group}", "", [new FieldCause(field, message)]);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
