using Tutor.Core.Cluster;

namespace Tutor.Core.Classroom;

/// <summary>
/// The rules of a learner's Role, all inside their namespace: full rights on the kinds the lessons' manifests
/// create, read rights on what checks, reset and <c>kubectl describe|logs|events|rollout</c> read, and nothing
/// that reaches past the namespace (a Role cannot; the one Namespace rule only ever matches the learner's own).
/// </summary>
public static class LearnerAccess
{
    public static readonly IReadOnlyList<string> WriteVerbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];
    public static readonly IReadOnlyList<string> ReadVerbs = ["get", "list", "watch"];

    // What kubectl reads beside the objects a lesson writes: a Deployment's ReplicaSets and Pods, a Service's
    // endpoints, events for describe, the quota describe namespace prints, a StatefulSet's revisions and claims.
    private static readonly (string Group, string Resource)[] AlwaysRead =
    [
        ("", "pods"), ("", "events"), ("events.k8s.io", "events"), ("", "endpoints"), ("discovery.k8s.io", "endpointslices"),
        ("apps", "replicasets"), ("apps", "controllerrevisions"), ("", "persistentvolumeclaims"),
        ("", "resourcequotas"), ("", "limitranges"), ("", "serviceaccounts"),
    ];

    private static readonly Dictionary<string, string[]> ScaledBy = new()
    {
        ["apps"] = ["deployments", "replicasets", "statefulsets"],
    };

    /// <param name="written">Namespaced kinds the lessons' manifests create or change.</param>
    /// <param name="read">Namespaced kinds checks and reset read.</param>
    public static IReadOnlyList<AccessRule> Rules(IEnumerable<ApiResource> written, IEnumerable<ApiResource> read)
    {
        var verbs = new Dictionary<(string Group, string Resource), SortedSet<string>>();
        void Grant(string group, string resource, IEnumerable<string> granted)
        {
            if (!verbs.TryGetValue((group, resource), out var set)) verbs[(group, resource)] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.UnionWith(granted);
        }

        var writtenList = written.Where(r => r.Namespaced).ToList();
        foreach (var resource in writtenList) Grant(resource.Kind.Group, resource.Plural, WriteVerbs);
        foreach (var resource in read.Where(r => r.Namespaced)) Grant(resource.Kind.Group, resource.Plural, ReadVerbs);
        foreach (var (group, resource) in AlwaysRead) Grant(group, resource, ReadVerbs);

        // The learner's own Tutor publishes progress into a ConfigMap, whatever the lessons do.
        Grant("", "configmaps", WriteVerbs);
        // A request for namespaces/NAME is authorized in namespace NAME, so this reads the learner's namespace and no other.
        Grant("", "namespaces", ["get"]);
        Grant("", "pods/log", ["get"]);
        Grant("", "pods/exec", ["create", "get"]);
        Grant("", "pods/portforward", ["create", "get"]);
        foreach (var resource in writtenList.Where(r => ScaledBy.GetValueOrDefault(r.Kind.Group)?.Contains(r.Plural) == true))
        {
            Grant(resource.Kind.Group, resource.Plural + "/scale", ["get", "patch", "update"]);
        }

        return verbs
            .GroupBy(v => (v.Key.Group, Verbs: string.Join(',', WriteVerbs.Concat(v.Value).Distinct().Where(v.Value.Contains))))
            .Select(g => new AccessRule(g.Key.Group, g.Select(v => v.Key.Resource).Order(StringComparer.Ordinal).ToList(), g.Key.Verbs.Split(',')))
            .OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Resources[0], StringComparer.Ordinal)
            .ToList();
    }
}
