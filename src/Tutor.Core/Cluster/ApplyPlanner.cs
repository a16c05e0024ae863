using System.Text.Json.Nodes;
using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Manifests;

namespace Tutor.Core.Cluster;

/// <summary>
/// Validates manifest objects and rewrites them for the learner's namespace, without talking to the cluster
/// (the served kinds are handed in). Every object is checked before anything is planned: one bad object
/// means nothing is applied.
/// </summary>
public static class ApplyPlanner
{
    /// <summary>The name manifests use for the learner's namespace; Tutor renames it.</summary>
    public const string NamespacePlaceholder = "tutor";

    private static readonly ResourceKind NamespaceKind = new("v1", "Namespace");

    /// <param name="notServedReasons">Optional wording for kinds missing from <paramref name="served"/> (with a hint of the versions that are served).</param>
    public static ApplyPlan Plan(IReadOnlyList<ManifestObject> objects, string learnerNamespace, IReadOnlyDictionary<ResourceKind, ApiResource> served,
        IReadOnlyDictionary<ResourceKind, string>? notServedReasons = null)
    {
        var errors = new List<Diagnostic>();
        var namespaces = new List<PlannedObject>();
        var others = new List<PlannedObject>();

        foreach (var source in objects)
        {
            if (!served.TryGetValue(source.Kind, out var resource))
            {
                var reason = notServedReasons?.GetValueOrDefault(source.Kind) ?? ApiResourceCatalog.NotServedMessage(source.Kind);
                errors.Add(new Diagnostic(source.File, source.Line, $"{source.Kind.Kind} \"{source.Name}\": {reason}"));
                continue;
            }

            var body = Clean(source.Body);
            if (source.Kind == NamespaceKind)
            {
                if (source.Name != NamespacePlaceholder && source.Name != learnerNamespace)
                {
                    errors.Add(new Diagnostic(source.File, source.Line,
                        $"Namespace \"{source.Name}\": a lesson may only create the learner's namespace; name it \"{NamespacePlaceholder}\" and Tutor uses {learnerNamespace}"));
                    continue;
                }

                namespaces.Add(new PlannedObject(source, resource, learnerNamespace, null, WithName(LabelForLearner(body, learnerNamespace), learnerNamespace)));
                continue;
            }

            if (resource.Namespaced)
            {
                if (source.Namespace is { Length: > 0 } written && written != learnerNamespace && written != NamespacePlaceholder)
                {
                    errors.Add(new Diagnostic(source.File, source.Line,
                        $"{source.Kind.Kind} \"{source.Name}\": metadata.namespace is \"{written}\", but lesson objects go into the learner's namespace {learnerNamespace}; remove the field"));
                    continue;
                }

                Metadata(body)["namespace"] = learnerNamespace;
                others.Add(new PlannedObject(source, resource, source.Name, learnerNamespace, body));
            }
            else
            {
                // Cluster-scoped objects (a ClusterRole, say) carry the learner label so they can be found again.
                others.Add(new PlannedObject(source, resource, source.Name, null, LabelForLearner(body, learnerNamespace)));
            }
        }

        if (errors.Count > 0) return new ApplyPlan([], errors, false);
        return new ApplyPlan([.. namespaces, .. others], [], namespaces.Count > 0);
    }

    /// <summary>The Namespace object Tutor creates when a lesson starts without one.</summary>
    public static JsonObject LearnerNamespaceBody(string learnerNamespace) =>
        LabelForLearner(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = learnerNamespace },
        }, learnerNamespace);

    private static JsonObject LabelForLearner(JsonObject body, string learnerNamespace)
    {
        var metadata = Metadata(body);
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = new JsonObject();
            metadata["labels"] = labels;
        }

        labels[TutorLabels.Learner] = learnerNamespace;
        labels[TutorLabels.ManagedBy] = TutorLabels.ManagedByValue;
        return body;
    }

    private static JsonObject WithName(JsonObject body, string name)
    {
        Metadata(body)["name"] = name;
        return body;
    }

    // Fields the server owns would make an apply fail or act as a stale lock, so copied-out objects still apply.
    private static JsonObject Clean(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        var metadata = Metadata(copy);
        foreach (var field in new[] { "resourceVersion", "uid", "managedFields", "creationTimestamp", "generation", "selfLink" })
        {
            metadata.Remove(field);
        }

        return copy;
    }

    private static JsonObject Metadata(JsonObject body)
    {
        if (body["metadata"] is JsonObject metadata) return metadata;
        metadata = new JsonObject();
        body["metadata"] = metadata;
        return metadata;
    }
}
