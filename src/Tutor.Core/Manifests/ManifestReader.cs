using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tutor.Core.Manifests;

/// <summary>
/// Parses and validates a multi-document manifest; any error means nothing in it may be applied.
/// <see cref="ManifestReadResult.Objects"/> holds the documents that were free of errors, in order.
/// </summary>
public static class ManifestReader
{
    public static ManifestReadResult Read(string yaml, string file)
    {
        var errors = new List<Diagnostic>();
        if (!TryLoad(yaml, file, errors, out var stream))
            return new ManifestReadResult([], errors);

        var objects = new List<ManifestObject>();
        foreach (var document in stream.Documents)
        {
            var root = document.RootNode;
            if (YamlScalars.IsNull(root)) continue;
            var before = errors.Count;
            var manifestObject = ReadDocument(root, file, errors);
            if (manifestObject is not null && errors.Count == before)
                objects.Add(manifestObject);
        }
        return new ManifestReadResult(objects, errors);
    }

    private static ManifestObject? ReadDocument(YamlNode root, string file, List<Diagnostic> errors)
    {
        var line = (int)root.Start.Line;
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(new Diagnostic(file, line, $"a manifest document must be a map with apiVersion, kind and metadata, found {(root is YamlSequenceNode ? "a list" : "a plain value")}"));
            return null;
        }

        var apiVersion = TopString(mapping, "apiVersion", file, errors);
        var kind = TopString(mapping, "kind", file, errors);
        var metadata = Child(mapping, "metadata");
        string? name = null;
        string? @namespace = null;
        if (metadata is null)
            errors.Add(new Diagnostic(file, line, "missing required field \"metadata\" (with \"name\")"));
        else if (metadata is YamlMappingNode metadataMap)
        {
            name = ScalarText(Child(metadataMap, "name"));
            @namespace = ScalarText(Child(metadataMap, "namespace"));
            if (string.IsNullOrEmpty(name))
                errors.Add(new Diagnostic(file, (int)metadata.Start.Line, "missing required field \"metadata.name\""));
        }
        else if (apiVersion is null || kind is null)
            // With a known kind the shape check reports this; without one nothing else would.
            errors.Add(new Diagnostic(file, (int)metadata.Start.Line, "field \"metadata\" must be a map with \"name\""));
        if (apiVersion is null || kind is null) return null;

        var modelType = KubernetesModelTypes.Find(apiVersion, kind);
        if (modelType is not null)
            new ManifestShapeValidator(file, errors).Validate(mapping, modelType, kind);
        else if (!IsCustomResource(apiVersion))
        {
            var kindLine = (int)Child(mapping, "kind")!.Start.Line;
            var versions = KubernetesModelTypes.ApiVersionsOf(kind);
            var group = KubernetesModelTypes.GroupOf(apiVersion);
            errors.Add(new Diagnostic(file, kindLine, versions.Count > 0
                ? $"apiVersion \"{apiVersion}\" does not serve kind {kind} (use {string.Join(" or ", versions)})"
                : KubernetesModelTypes.Groups.Contains(group)
                    ? $"unknown kind \"{kind}\"{SpellingSuggestion.Hint(kind, KubernetesModelTypes.Kinds)}"
                    : $"unknown apiVersion \"{apiVersion}\"{SpellingSuggestion.Hint(group, KubernetesModelTypes.Groups.Where(g => g.Length > 0))}"));
            return null;
        }
        if (string.IsNullOrEmpty(name)) return null;
        return new ManifestObject(new ResourceKind(apiVersion, kind), name, @namespace, YamlScalars.ToJsonObject(mapping), file, line);
    }

    // Kinds of add-ons (flux's GitRepository, …) live in groups of their own, named like a domain.
    // Their fields cannot be checked here; a group that looks like a misspelt built-in one is an error.
    private static bool IsCustomResource(string apiVersion)
    {
        var group = KubernetesModelTypes.GroupOf(apiVersion);
        return group.Contains('.') &&
               !KubernetesModelTypes.Groups.Contains(group) &&
               !group.EndsWith(".k8s.io", StringComparison.Ordinal) &&
               SpellingSuggestion.Closest(group, KubernetesModelTypes.Groups) is null;
    }

    private static string? TopString(YamlMappingNode mapping, string field, string file, List<Diagnostic> errors)
    {
        var node = Child(mapping, field);
        if (node is null || YamlScalars.IsNull(node))
        {
            errors.Add(new Diagnostic(file, (int)mapping.Start.Line, $"missing required field \"{field}\""));
            return null;
        }
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
            return value;
        errors.Add(new Diagnostic(file, (int)node.Start.Line, $"field \"{field}\" must be a string"));
        return null;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(c => YamlScalars.KeyText(c.Key) == key).Value;

    private static string? ScalarText(YamlNode? node) =>
        node is YamlScalarNode scalar && !YamlScalars.IsNull(scalar) ? scalar.Value : null;

    private static bool TryLoad(string yaml, string file, List<Diagnostic> errors, out YamlStream stream)
    {
        stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
            return true;
        }
        catch (YamlException ex)
        {
            errors.Add(new Diagnostic(file, (int)ex.Start.Line, "invalid YAML: " + ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The representation model fails this way on some unterminated input; the raw parser
            // still knows how far it got, which is where the author should look.
            errors.Add(new Diagnostic(file, LastGoodLine(yaml), "invalid YAML: the file ends inside an unclosed [ ], { } or quote"));
        }
        return false;
    }

    private static int LastGoodLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var line = 1;
        try
        {
            while (parser.MoveNext())
                if (parser.Current is { } current) line = (int)current.Start.Line;
        }
        catch (YamlException ex)
        {
            return (int)ex.Start.Line;
        }
        return line;
    }
}
