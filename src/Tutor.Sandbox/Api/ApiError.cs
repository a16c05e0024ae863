using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api;

/// <summary>A request the API refuses; answered as a Kubernetes <c>Status</c> with <see cref="Code"/>.</summary>
public sealed class ApiError(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError NotFound(string message, JsonObject? details = null) => new(404, "NotFound", message, details);

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/apply-patch+yaml, application/merge-patch+json, application/strategic-merge-patch+json, application/json-patch+json (got \"{contentType}\")");

    public static ApiError Forbidden(string message) => new(403, "Forbidden", message);

    public static ApiError Invalid(string kindWithGroup, string name, IReadOnlyList<FieldCause> causes)
    {
        var detail = new JsonObject
        {
            ["name"] = name,
            // The Kind itself, as the API server sends it: kubectl prints "The Deployment "vote" is invalid: …" from it.
            ["group"] = kindWithGroup.Contains('.') ? kindWithGroup[(kindWithGroup.IndexOf('.') + 1)..] : "",
            ["kind"] = kindWithGroup.Split('.')[0],
            ["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["field"] = c.Field,
            }).ToArray()),
        };
        var what = string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"));
        var list = causes.Count == 1 ? what : $"[{what}]";
        return new ApiError(422, "Invalid", $"{kindWithGroup} \"{name}\" is invalid: {list}", detail);
    }
}
