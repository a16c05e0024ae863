using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Selection;

/// <summary>
/// A <c>fieldSelector</c> query parameter: comma-separated <c>path=value</c>, <c>path==value</c> or
/// <c>path!=value</c> over the fields a real API server allows selecting on.
/// </summary>
public sealed class FieldSelectorQuery
{
    private static readonly HashSet<string> Common = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, HashSet<string>> PerKind = new()
    {
        ["Pod"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"],
        ["Event"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["Secret"] = ["type"],
        ["Namespace"] = ["status.phase"],
        ["Node"] = ["spec.unschedulable"],
        ["ReplicaSet"] = ["status.replicas"],
        ["Job"] = ["status.successful"],
    };

    private readonly List<(string Path, string Value, bool Equal)> _terms;

    private FieldSelectorQuery(List<(string, string, bool)> terms) => _terms = terms;

    public static readonly FieldSelectorQuery Everything = new([]);

    public static FieldSelectorQuery Parse(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var terms = new List<(string, string, bool)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var (op, equal) = term.Contains("!=", StringComparison.Ordinal) ? ("!=", false)
                : term.Contains("==", StringComparison.Ordinal) ? ("==", true)
                : term.Contains('=') ? ("=", true)
                : throw ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            var at = term.IndexOf(op, StringComparison.Ordinal);
            var path = term[..at].Trim();
            if (!Common.Contains(path) && !(PerKind.TryGetValue(kind, out var allowed) && allowed.Contains(path)))
                throw ApiError.BadRequest($"field label not supported: {path}");
            terms.Add((path, term[(at + op.Length)..].Trim(), equal));
        }

        return new FieldSelectorQuery(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t => (ValueAt(obj, t.Path) == t.Value) == t.Equal);

    private static string ValueAt(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.')) node = node?[part];
        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToJsonString(),
        };
    }
}
