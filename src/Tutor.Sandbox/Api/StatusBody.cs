using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api;

/// <summary>The <c>meta/v1 Status</c> object the API answers errors (and some successes) with.</summary>
public static class StatusBody
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        };
        if (details is not null) status["details"] = details.DeepClone();
        return status;
    }

    public static JsonObject From(ApiError error) => Failure(error.Code, error.Reason, error.Message, error.Details);

    public static JsonObject Success(JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        };
        if (details is not null) status["details"] = details;
        return status;
    }

    /// <summary>Details naming one object, as NotFound and AlreadyExists carry them.</summary>
    public static JsonObject Details(string name, string group, string kind) => new()
    {
        ["name"] = name,
        ["group"] = group,
        ["kind"] = kind,
    };
}
