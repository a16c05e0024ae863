using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Auth;

/// <summary>One rule of a Role or ClusterRole, matched as the Kubernetes RBAC authorizer matches it.</summary>
public sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    private const string All = "*";

    public static PolicyRule Resource(string[] verbs, string[] groups, string[] resources, string[]? names = null) =>
        new(verbs, groups, resources, names ?? [], []);

    public static PolicyRule NonResource(string[] verbs, string[] urls) => new(verbs, [], [], [], urls);

    public bool Allows(RequestAttributes request) =>
        request.IsResourceRequest
            ? VerbMatches(request.Verb) && GroupMatches(request.ApiGroup) && ResourceMatches(request.Resource, request.Subresource) && NameMatches(request.Name)
            : VerbMatches(request.Verb) && UrlMatches(request.Path);

    public bool VerbMatches(string verb) => Verbs.Contains(All) || Verbs.Contains(verb);

    public bool GroupMatches(string group) => ApiGroups.Contains(All) || ApiGroups.Contains(group);

    public bool ResourceMatches(string resource, string subresource)
    {
        var combined = subresource.Length == 0 ? resource : $"{resource}/{subresource}";
        foreach (var rule in Resources)
        {
            if (rule == All || rule == combined) return true;
            // "*/scale" grants the scale subresource of every resource.
            if (subresource.Length > 0 && rule == $"*/{subresource}") return true;
        }

        return false;
    }

    /// <summary>A rule without resourceNames covers every name; one with them covers only those (and never a nameless list or create).</summary>
    public bool NameMatches(string name) => ResourceNames.Count == 0 || ResourceNames.Contains(name);

    public bool UrlMatches(string path)
    {
        foreach (var rule in NonResourceUrls)
        {
            if (rule == All || rule == path) return true;
            if (rule.EndsWith('*') && path.StartsWith(rule[..^1], StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>Reads one entry of a role's <c>rules</c>; fields that are not string lists count as empty.</summary>
    public static PolicyRule From(JsonNode? node) => new(
        Strings(node?["verbs"]), Strings(node?["apiGroups"]), Strings(node?["resources"]), Strings(node?["resourceNames"]), Strings(node?["nonResourceURLs"]));

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["verbs"] = Array(Verbs) };
        if (NonResourceUrls.Count > 0 && Resources.Count == 0)
        {
            json["nonResourceURLs"] = Array(NonResourceUrls);
            return json;
        }

        json["apiGroups"] = Array(ApiGroups);
        json["resources"] = Array(Resources);
        if (ResourceNames.Count > 0) json["resourceNames"] = Array(ResourceNames);
        return json;
    }

    public override string ToString() => NonResourceUrls.Count > 0 && Resources.Count == 0
        ? $"{{NonResourceURLs:[{Quoted(NonResourceUrls)}], Verbs:[{Quoted(Verbs)}]}}"
        : $"{{APIGroups:[{Quoted(ApiGroups)}], Resources:[{Quoted(Resources)}]{(ResourceNames.Count > 0 ? $", ResourceNames:[{Quoted(ResourceNames)}]" : "")}, Verbs:[{Quoted(Verbs)}]}}";

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static string[] Strings(JsonNode? node) => node is JsonArray array
        ? array.Select(v => v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray()
        : [];
}
