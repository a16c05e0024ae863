using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutor.Core.Cluster;

/// <summary>The API server's <c>Status</c> answer to a failed request (code, reason and a readable message).</summary>
public sealed record ApiStatus(int Code, string Reason, string Message)
{
    /// <summary>Reads a Status JSON body; a body that is not one keeps the HTTP code and the raw text.</summary>
    public static ApiStatus Parse(string? body, int httpCode)
    {
        var text = body?.Trim() ?? "";
        if (text.StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject json && json["kind"]?.GetValue<string>() == "Status")
                {
                    var code = json["code"] is JsonValue c && c.TryGetValue<int>(out var parsed) ? parsed : httpCode;
                    return new ApiStatus(code, json["reason"]?.GetValue<string>() ?? "", json["message"]?.GetValue<string>() ?? "");
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                // Not a Status after all; fall through to the raw text.
            }
        }

        return new ApiStatus(httpCode, "", text.Length > 300 ? text[..300] + "…" : text);
    }

    public static ApiStatus? FromObject(JsonObject? json)
    {
        if (json?["kind"]?.GetValue<string>() != "Status") return null;
        return Parse(json.ToJsonString(), json["code"] is JsonValue c && c.TryGetValue<int>(out var code) ? code : 0);
    }
}
