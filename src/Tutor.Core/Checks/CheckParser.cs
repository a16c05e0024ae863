using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tutor.Core.Catalogue;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tutor.Core.Checks;

/// <summary>
/// Reads a step's checks file (a YAML list, format in the authoring guide) into checks. Every problem
/// is reported as <c>file:line: message</c>; a check with a problem is left out, the others are kept.
/// </summary>
public static partial class CheckParser
{
    public static readonly IReadOnlyList<string> Forms = ["match", "exists", "absent", "count", "rolledOut", "endpoints", "selects", "changed", "unchanged", "reachable", "canI"];

    private static readonly string[] CheckKeys = ["title", "hint", "resource", .. Forms];
    private static readonly string[] CountKeys = ["resource", "selector", "match", "min", "max", "equals"];
    private static readonly string[] SelectsKeys = ["resource", "min", "max", "equals"];
    private static readonly string[] BoundKeys = ["min", "max", "equals"];
    private static readonly string[] CanIKeys = ["as", "verb", "resource", "subresource", "name", "namespace", "expect"];
    private static readonly string[] SubjectKinds = ["serviceaccount", "user"];
    private static readonly HashSet<string> NeedResource = ["match", "exists", "absent", "rolledOut", "endpoints", "selects", "changed", "unchanged"];

    public static CheckParseResult Parse(string yaml, string file)
    {
        var errors = new List<Diagnostic>();
        var checks = new List<Check>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new Diagnostic(file, (int)e.Start.Line, $"not valid YAML: {e.Message}"));
            return new CheckParseResult(checks, errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            errors.Add(new Diagnostic(file, 1, "the checks file is empty; write a YAML list of checks, each starting with `- title:`"));
            return new CheckParseResult(checks, errors);
        }
        if (stream.Documents.Count > 1)
            errors.Add(new Diagnostic(file, YamlJson.LineOf(stream.Documents[1].RootNode), "a checks file holds one YAML list; remove the `---` and join the lists"));

        var root = stream.Documents[0].RootNode;
        if (root is not YamlSequenceNode list)
        {
            errors.Add(new Diagnostic(file, YamlJson.LineOf(root), $"a checks file is a YAML list of checks (each starting with `- title:`), found {YamlJson.Describe(root)}"));
            return new CheckParseResult(checks, errors);
        }
        if (list.Children.Count == 0)
            errors.Add(new Diagnostic(file, YamlJson.LineOf(root), "the checks file has no checks; a step needs at least one"));

        foreach (var item in list.Children)
        {
            var reader = new ItemReader(file, errors);
            if (reader.Read(item) is { } check && !reader.Failed)
                checks.Add(check);
        }
        return new CheckParseResult(checks, errors);
    }

    /// <summary>Reads one list item; records errors and remembers whether any were found.</summary>
    private sealed class ItemReader(string file, List<Diagnostic> errors)
    {
        public bool Failed { get; private set; }

        // Keys a typo was taken for: their absence is already explained, so it is not reported again.
        private readonly HashSet<string> _suggested = [];

        private void Error(YamlNode node, string message)
        {
            Failed = true;
            errors.Add(new Diagnostic(file, YamlJson.LineOf(node), message));
        }

        public Check? Read(YamlNode item)
        {
            if (item is not YamlMappingNode map)
            {
                Error(item, $"each check is a map with a title and one of {string.Join(", ", Forms)}; found {YamlJson.Describe(item)}");
                return null;
            }

            var entries = Entries(map, CheckKeys, "a check");
            var line = YamlJson.LineOf(item);

            string? title = null;
            if (!entries.TryGetValue("title", out var titleEntry))
            {
                if (!_suggested.Contains("title"))
                    Error(item, "check has no title (say what it proves, as the learner will read it)");
            }
            else if (!YamlJson.TryString(titleEntry.Value, out title) || string.IsNullOrWhiteSpace(title))
                Error(titleEntry.Value, $"title must be text, found {YamlJson.Describe(titleEntry.Value)}");
            var named = title is null ? "check" : $"check \"{title}\"";

            string? hint = null;
            if (entries.TryGetValue("hint", out var hintEntry) && !YamlJson.TryString(hintEntry.Value, out hint!))
            {
                Error(hintEntry.Value, $"hint must be text, found {YamlJson.Describe(hintEntry.Value)}");
                hint = null;
            }

            var forms = Forms.Where(entries.ContainsKey).ToList();
            if (forms.Count == 0)
            {
                if (Forms.Any(_suggested.Contains))
                    return null;
                Error(item, $"{named} has no form; give exactly one of {string.Join(", ", Forms)}");
                return null;
            }
            if (forms.Count > 1)
            {
                Error(entries[forms[1]].Key, $"{named} has two forms ({forms[0]} and {forms[1]}); a check has exactly one — split it into two checks");
                return null;
            }

            var form = forms[0];
            var (formKey, formValue) = entries[form];
            ResourceRef? resource = null;
            if (entries.TryGetValue("resource", out var resourceEntry))
            {
                if (!NeedResource.Contains(form))
                    Error(resourceEntry.Key, form switch
                    {
                        "count" => "count names its kind inside it: move resource under count (as `<apiVersion> <Kind>`)",
                        "canI" => "canI names its resource inside it: move resource under canI (as kubectl names it: `secrets`, `deployments`)",
                        _ => $"{form} takes no resource",
                    });
                else
                    resource = ReadNamedResource(resourceEntry.Value);
            }
            else if (NeedResource.Contains(form) && !_suggested.Contains("resource"))
            {
                Error(formKey, $"{form} needs a resource: `<apiVersion> <Kind> <name>`, e.g. `apps/v1 Deployment vote`");
            }

            title ??= "";
            Check? check = form switch
            {
                "match" => ReadMatch(title, hint, line, resource, formValue),
                "exists" => RequireTrue(formValue, "exists", "to check that an object is gone, write `absent: true`") && resource is not null
                    ? new ExistsCheck(title, hint, line, resource) : null,
                "absent" => RequireTrue(formValue, "absent", "to check that an object is there, write `exists: true`") && resource is not null
                    ? new AbsentCheck(title, hint, line, resource) : null,
                "reachable" => RequireTrue(formValue, "reachable", null) ? new ReachableCheck(title, hint, line) : null,
                "rolledOut" => ReadRolledOut(title, hint, line, resource, formValue),
                "endpoints" => ReadEndpoints(title, hint, line, resource, resourceEntry.Value, formValue),
                "selects" => ReadSelects(title, hint, line, resource, formValue),
                "count" => ReadCount(title, hint, line, formValue),
                "canI" => ReadCanI(title, hint, line, formValue),
                "changed" or "unchanged" => ReadChange(title, hint, line, resource, formValue, form == "changed"),
                _ => null,
            };
            return check;
        }

        private MatchCheck? ReadMatch(string title, string? hint, int line, ResourceRef? resource, YamlNode value)
        {
            var expected = ReadExpectation(value, "match");
            return expected is null || resource is null ? null : new MatchCheck(title, hint, line, resource, expected);
        }

        private ChangeCheck? ReadChange(string title, string? hint, int line, ResourceRef? resource, YamlNode value, bool changed)
        {
            var form = changed ? "changed" : "unchanged";
            if (!YamlJson.TryString(value, out var path) || !FieldPath().IsMatch(path))
            {
                Error(value, $"{form} takes the dotted path of one field, such as `metadata.uid`; found {YamlJson.Describe(value)}");
                return null;
            }
            return resource is null ? null : new ChangeCheck(title, hint, line, resource, path.Split('.'), changed);
        }

        private RolledOutCheck? ReadRolledOut(string title, string? hint, int line, ResourceRef? resource, YamlNode value)
        {
            if (!RequireTrue(value, "rolledOut", null) || resource is null)
                return null;
            if (!WellKnownKinds.RollingWorkloads.Contains(resource.Kind.Kind))
            {
                Error(value, $"rolledOut works on a Deployment, StatefulSet or DaemonSet, not a {resource.Kind.Kind}");
                return null;
            }
            return new RolledOutCheck(title, hint, line, resource);
        }

        private EndpointsCheck? ReadEndpoints(string title, string? hint, int line, ResourceRef? resource, YamlNode? resourceNode, YamlNode value)
        {
            if (value is not YamlMappingNode map)
            {
                Error(value, $"endpoints takes a map such as {{ min: 3 }}, found {YamlJson.Describe(value)}");
                return null;
            }
            var bounds = ReadBounds(Entries(map, BoundKeys, "endpoints"), map, required: false);
            if (resource is not null && resource.Kind != WellKnownKinds.Service)
            {
                Error(resourceNode ?? value, $"endpoints works on a v1 Service, not {resource.Kind}");
                return null;
            }
            return resource is null || bounds is null ? null : new EndpointsCheck(title, hint, line, resource, bounds);
        }

        private SelectsCheck? ReadSelects(string title, string? hint, int line, ResourceRef? resource, YamlNode value)
        {
            if (value is not YamlMappingNode map)
            {
                Error(value, $"selects takes a map such as {{ resource: v1 Pod, min: 3 }}, found {YamlJson.Describe(value)}");
                return null;
            }
            var entries = Entries(map, SelectsKeys, "selects");
            ResourceKind? target = null;
            if (entries.TryGetValue("resource", out var targetEntry))
                target = ReadKind(targetEntry.Value);
            else
                Error(map, "selects needs a resource: the kind it picks, as `<apiVersion> <Kind>` (e.g. `v1 Pod`)");
            var bounds = ReadBounds(entries, map, required: false);
            return resource is null || target is null || bounds is null ? null : new SelectsCheck(title, hint, line, resource, target, bounds);
        }

        private CountCheck? ReadCount(string title, string? hint, int line, YamlNode value)
        {
            if (value is not YamlMappingNode map)
            {
                Error(value, $"count takes a map with resource, selector, match and min/max/equals; found {YamlJson.Describe(value)}");
                return null;
            }
            var entries = Entries(map, CountKeys, "count");
            ResourceKind? kind = null;
            if (entries.TryGetValue("resource", out var kindEntry))
                kind = ReadKind(kindEntry.Value);
            else
                Error(map, "count needs a resource: the kind it counts, as `<apiVersion> <Kind>` (e.g. `v1 Pod`)");

            LabelSelector? selector = null;
            if (entries.TryGetValue("selector", out var selectorEntry))
            {
                if (!YamlJson.TryString(selectorEntry.Value, out var text))
                    Error(selectorEntry.Value, $"selector must be text in kubectl syntax (app=vote,tier=frontend), found {YamlJson.Describe(selectorEntry.Value)}");
                else if (!LabelSelector.TryParse(text, out selector, out var problem))
                    Error(selectorEntry.Value, $"invalid label selector: {problem}");
            }

            JsonNode? match = null;
            if (entries.TryGetValue("match", out var matchEntry))
                match = ReadExpectation(matchEntry.Value, "count.match");

            var bounds = ReadBounds(entries, map, required: true);
            return kind is null || bounds is null || Failed ? null : new CountCheck(title, hint, line, kind, selector, match, bounds);
        }

        private CanICheck? ReadCanI(string title, string? hint, int line, YamlNode value)
        {
            if (value is not YamlMappingNode map)
            {
                Error(value, $"canI takes a map such as {{ as: serviceaccount token-refresher, verb: patch, resource: secrets, name: api-token, expect: true }}, found {YamlJson.Describe(value)}");
                return null;
            }
            var entries = Entries(map, CanIKeys, "canI");
            var before = errors.Count;
            string? Text(string key, bool required, string example)
            {
                if (!entries.TryGetValue(key, out var entry))
                {
                    if (required && !_suggested.Contains(key))
                        Error(map, $"canI needs {key}, e.g. `{key}: {example}`");
                    return null;
                }
                if (YamlJson.TryString(entry.Value, out var text) && text.Length > 0)
                    return text;
                Error(entry.Value, $"canI {key} must be text, e.g. `{key}: {example}`; found {YamlJson.Describe(entry.Value)}");
                return null;
            }

            var subject = Text("as", true, "serviceaccount token-refresher") is { } asText ? ReadSubject(entries["as"].Value, asText) : null;
            var verb = Text("verb", true, "patch");
            if (verb is not null && !AccessResources.Verbs.Contains(verb))
            {
                var nearest = NameSuggester.Nearest(verb, AccessResources.Verbs);
                Error(entries["verb"].Value, nearest is null
                    ? $"\"{verb}\" is not a verb the RBAC authorizer knows ({string.Join(", ", AccessResources.Verbs)})"
                    : $"\"{verb}\" is not a verb the RBAC authorizer knows; did you mean \"{nearest}\"?");
            }
            var resource = Text("resource", true, "secrets") is { } resourceText ? ReadAccessResource(entries["resource"].Value, resourceText) : default;
            var subresource = Text("subresource", false, "log");
            var name = Text("name", false, "api-token");
            if (name is not null && !ObjectName().IsMatch(name))
                Error(entries["name"].Value, $"\"{name}\" is not a valid object name (lower-case letters, digits, '-' and '.')");
            var ns = Text("namespace", false, "kube-system");
            if (ns is not null && ns != ResourceRef.NamespacePlaceholder && !ObjectName().IsMatch(ns))
                Error(entries["namespace"].Value, $"\"{ns}\" is not a valid namespace name, or write {ResourceRef.NamespacePlaceholder} for the learner's namespace");

            bool? expect = null;
            if (entries.TryGetValue("expect", out var expectEntry))
            {
                if (YamlJson.TryBool(expectEntry.Value, out var flag)) expect = flag;
                else Error(expectEntry.Value, $"canI expect must be true (the answer should be yes) or false (no), found {YamlJson.Describe(expectEntry.Value)}");
            }
            else if (!_suggested.Contains("expect"))
                Error(map, "canI needs expect: true when the answer should be yes, false when it should be no");

            if (errors.Count > before || subject is null || verb is null || resource.Plural is null || expect is null)
                return null;
            var question = new AccessQuestion(subject, verb, resource.Group!, resource.Plural, subresource, name,
                ns is null or ResourceRef.NamespacePlaceholder ? null : ns);
            return new CanICheck(title, hint, line, question, expect.Value);
        }

        private AccessSubject? ReadSubject(YamlNode node, string text)
        {
            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                Error(node, $"canI as must be `serviceaccount <name>` or `user <name>`, found \"{text}\"");
                return null;
            }
            var kind = parts[0].ToLowerInvariant();
            if (!SubjectKinds.Contains(kind))
            {
                var nearest = NameSuggester.Nearest(kind, SubjectKinds);
                Error(node, nearest is null
                    ? $"canI as starts with serviceaccount or user, found \"{parts[0]}\""
                    : $"canI as starts with serviceaccount or user, found \"{parts[0]}\"; did you mean \"{nearest}\"?");
                return null;
            }
            if (kind == "serviceaccount" && !ObjectName().IsMatch(parts[1]))
            {
                Error(node, $"\"{parts[1]}\" is not a valid ServiceAccount name (lower-case letters, digits, '-' and '.')");
                return null;
            }
            return new AccessSubject(kind == "serviceaccount" ? AccessSubjectKind.ServiceAccount : AccessSubjectKind.User, parts[1]);
        }

        /// <summary>A resource as kubectl names it: <c>secrets</c>, or with its group, <c>deployments.apps</c>.</summary>
        private (string? Plural, string? Group) ReadAccessResource(YamlNode node, string text)
        {
            if (char.IsUpper(text[0]))
            {
                var plural = AccessResources.PluralOf(text);
                Error(node, $"canI names the resource as the API does, lower-case and plural: write \"{plural}\", not the kind \"{text}\"");
                return default;
            }
            var dot = text.IndexOf('.');
            var (name, group) = dot < 0 ? (text, (string?)null) : (text[..dot], text[(dot + 1)..]);
            if (!ResourceName().IsMatch(name) || (group is not null && !ObjectName().IsMatch(group)))
            {
                Error(node, $"\"{text}\" is not a resource name; write it as kubectl does: secrets, deployments.apps");
                return default;
            }
            if (group is not null)
                return (name, group);
            if (AccessResources.GroupOf.TryGetValue(name, out var known))
                return (name, known);
            var nearest = NameSuggester.Nearest(name, AccessResources.GroupOf.Keys);
            Error(node, nearest is null
                ? $"resource \"{name}\" is not one Tutor knows the group of; add it as kubectl does: {name}.<group>"
                : $"unknown resource \"{name}\"; did you mean \"{nearest}\"?");
            return default;
        }

        private JsonNode? ReadExpectation(YamlNode value, string what)
        {
            if (value is not YamlMappingNode map || map.Children.Count == 0)
            {
                Error(value, $"{what} takes a map of the fields to compare (e.g. spec: {{ replicas: 3 }}), found {YamlJson.Describe(value)}");
                return null;
            }
            var before = errors.Count;
            new ExpectationValidator(Error).Validate(map, "");
            return errors.Count == before ? YamlJson.ToJson(map) : null;
        }

        private CountBounds? ReadBounds(Dictionary<string, (YamlNode Key, YamlNode Value)> entries, YamlNode owner, bool required)
        {
            int? Bound(string name)
            {
                if (!entries.TryGetValue(name, out var entry))
                    return null;
                if (entry.Value is YamlScalarNode s && JsonText.TryNumber(YamlJson.Scalar(s), out var n) && n >= 0 && n == decimal.Truncate(n) && n <= int.MaxValue)
                    return (int)n;
                Error(entry.Value, $"{name} must be a whole number of 0 or more, found {YamlJson.Describe(entry.Value)}");
                return null;
            }

            var before = errors.Count;
            var (min, max, exactly) = (Bound("min"), Bound("max"), Bound("equals"));
            if (errors.Count > before)
                return null;
            if (exactly is not null && (min is not null || max is not null))
            {
                Error(entries["equals"].Key, "use equals alone, or min and/or max, not both");
                return null;
            }
            if (min > max)
            {
                Error(entries["min"].Key, $"min ({min}) is larger than max ({max}); no number can satisfy both");
                return null;
            }
            if (min is null && max is null && exactly is null)
            {
                if (required)
                {
                    Error(owner, "count needs min, max or equals (how many objects are expected)");
                    return null;
                }
                // "The Service has endpoints" / "selects some Pods": at least one is the natural reading.
                return new CountBounds(1, null, null);
            }
            return new CountBounds(min, max, exactly);
        }

        private bool RequireTrue(YamlNode value, string form, string? instead)
        {
            if (YamlJson.TryBool(value, out var flag) && flag)
                return true;
            var hint = instead is null || !YamlJson.TryBool(value, out _) ? "" : $"; {instead}";
            Error(value, $"{form} takes only `true`, found {YamlJson.Describe(value)}{hint}");
            return false;
        }

        /// <summary>The keys of a map by name, reporting unknown keys (with the nearest known one) and non-text keys.</summary>
        private Dictionary<string, (YamlNode Key, YamlNode Value)> Entries(YamlMappingNode map, IReadOnlyList<string> known, string where)
        {
            var result = new Dictionary<string, (YamlNode, YamlNode)>();
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (known.Contains(name))
                {
                    result[name] = (key, value);
                    continue;
                }
                var nearest = NameSuggester.Nearest(name, known);
                if (nearest is not null)
                    _suggested.Add(nearest);
                Error(key, nearest is null
                    ? $"unknown key \"{name}\" in {where} (known keys: {string.Join(", ", known)})"
                    : $"unknown key \"{name}\" in {where}; did you mean \"{nearest}\"?");
            }
            return result;
        }

        private ResourceRef? ReadNamedResource(YamlNode node)
        {
            var parts = Words(node, "resource", "<apiVersion> <Kind> <name>", "apps/v1 Deployment vote", 3);
            if (parts is null || !CheckKind(node, parts[0], parts[1]))
                return null;
            var name = parts[2];
            if (name != ResourceRef.NamespacePlaceholder && !ObjectName().IsMatch(name))
            {
                Error(node, $"\"{name}\" is not a valid object name (lower-case letters, digits, '-' and '.'), or write {ResourceRef.NamespacePlaceholder} for the learner's namespace");
                return null;
            }
            return new ResourceRef(new ResourceKind(parts[0], parts[1]), name);
        }

        private ResourceKind? ReadKind(YamlNode node)
        {
            var parts = Words(node, "resource", "<apiVersion> <Kind>", "v1 Pod", 2);
            return parts is not null && CheckKind(node, parts[0], parts[1]) ? new ResourceKind(parts[0], parts[1]) : null;
        }

        private string[]? Words(YamlNode node, string field, string shape, string example, int count)
        {
            if (!YamlJson.TryString(node, out var text))
            {
                Error(node, $"{field} must be `{shape}`, e.g. `{example}`; found {YamlJson.Describe(node)}");
                return null;
            }
            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == count)
                return parts;
            var forgotVersion = parts.Length == count - 1 && parts.Length > 0 && char.IsUpper(parts[0][0]);
            var known = forgotVersion && WellKnownKinds.ApiVersionOf.TryGetValue(parts[0], out var v) ? $" ({parts[0]} is {v})" : "";
            Error(node, forgotVersion
                ? $"{field} must be `{shape}`, e.g. `{example}`; the apiVersion is missing in \"{text}\"{known}"
                : $"{field} must be `{shape}`, e.g. `{example}`; found \"{text}\"");
            return null;
        }

        private bool CheckKind(YamlNode node, string apiVersion, string kind)
        {
            if (!ApiVersion().IsMatch(apiVersion))
            {
                Error(node, $"\"{apiVersion}\" is not an apiVersion (like v1 or apps/v1)");
                return false;
            }
            var known = WellKnownKinds.ApiVersionOf.Keys.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase));
            if (!KindName().IsMatch(kind))
            {
                Error(node, $"kind \"{kind}\" must be written as in a manifest, starting with a capital letter{(known is null ? "" : $" ({known})")}");
                return false;
            }
            if (known is not null && known != kind)
            {
                Error(node, $"kind \"{kind}\" is spelled {known}");
                return false;
            }
            if (known is not null)
            {
                var expected = WellKnownKinds.ApiVersionOf[known];
                if (Group(expected) != Group(apiVersion))
                {
                    Error(node, $"{kind} is in {expected}, not {apiVersion}");
                    return false;
                }
            }
            return true;
        }

        private static string Group(string apiVersion) => apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
    }

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9.-]*[a-z0-9])?/)?v[0-9]+((alpha|beta)[0-9]+)?$")]
    private static partial Regex ApiVersion();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex KindName();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9.:-]*[a-z0-9])?$")]
    private static partial Regex ObjectName();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*$")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    private static partial Regex FieldPath();
}
