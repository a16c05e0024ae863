using System.Text.Json.Nodes;

namespace Tutor.Core.Classroom;

/// <summary>One rule of the learner's Role: these verbs on these resources of one API group.</summary>
public sealed record AccessRule(string Group, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs)
{
    public JsonObject ToJson() => new()
    {
        ["apiGroups"] = new JsonArray(JsonValue.Create(Group)),
        ["resources"] = new JsonArray(Resources.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
        ["verbs"] = new JsonArray(Verbs.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
    };
}
