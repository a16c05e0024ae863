using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutor.Core.Cluster;

/// <summary>One line of a watch stream: <c>{"type":"ADDED","object":{…}}</c>.</summary>
public sealed record WatchEvent(string Type, JsonObject Object)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";

    public string? ResourceVersion => Object["metadata"]?["resourceVersion"]?.GetValue<string>();

    /// <summary>For an ERROR event, the Status the server sent (410 means: re-list).</summary>
    public ApiStatus? Status => Type == Error ? ApiStatus.FromObject(Object) ?? new ApiStatus(0, "", Object.ToJsonString()) : null;

    /// <summary>Parses one line; blank lines give null, a line that is not a watch event throws <see cref="FormatException"/>.</summary>
    public static WatchEvent? Parse(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the watch stream sent a line that is not JSON: {e.Message}", e);
        }

        if (node?["type"] is not JsonValue type || !type.TryGetValue<string>(out var name) || node["object"] is not JsonObject obj)
        {
            throw new FormatException("the watch stream sent a line without \"type\" and \"object\"");
        }

        return new WatchEvent(name, (JsonObject)obj.DeepClone());
    }
}
