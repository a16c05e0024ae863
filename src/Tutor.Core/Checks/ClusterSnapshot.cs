using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>
/// What the checker saw of the cluster at one moment: for each kind a check reads, every object of
/// that kind in the learner's namespace (cluster-wide for cluster-scoped kinds such as Namespace), and the
/// authorizer's answers to the questions <c>canI</c> checks ask. Immutable, so the evaluator is a pure function of it.
/// </summary>
public sealed class ClusterSnapshot
{
    private readonly IReadOnlyDictionary<ResourceKind, IReadOnlyList<JsonObject>> _objects;
    private readonly IReadOnlyDictionary<AccessQuestion, AccessAnswer> _answers;

    public ClusterSnapshot(string @namespace, bool reachable, IReadOnlyDictionary<ResourceKind, IReadOnlyList<JsonObject>> objects,
        IReadOnlyDictionary<AccessQuestion, AccessAnswer>? answers = null)
    {
        Namespace = @namespace;
        Reachable = reachable;
        _objects = objects;
        _answers = answers ?? new Dictionary<AccessQuestion, AccessAnswer>();
    }

    public static ClusterSnapshot Unreachable(string @namespace) => new(@namespace, false, new Dictionary<ResourceKind, IReadOnlyList<JsonObject>>());

    /// <summary>The learner's namespace the snapshot was taken in.</summary>
    public string Namespace { get; }

    /// <summary>False when the API server could not be reached; every check then fails with that reason.</summary>
    public bool Reachable { get; }

    public IEnumerable<ResourceKind> Kinds => _objects.Keys;

    public IReadOnlyList<JsonObject> List(ResourceKind kind) =>
        _objects.TryGetValue(kind, out var list) ? list : [];

    /// <summary>
    /// The step's start as it grows: every object as first seen while the step was open. Objects in
    /// <paramref name="start"/> keep their first version; objects seen for the first time in <paramref name="now"/>
    /// are added. So an object that appears after the step was opened (a lesson being restored) is remembered as
    /// it first appeared, and a Pod replaced later is compared with the one first seen.
    /// </summary>
    public static ClusterSnapshot FirstSeen(ClusterSnapshot? start, ClusterSnapshot now)
    {
        if (!now.Reachable) return start ?? now;
        if (start is null || !start.Reachable) return now;
        var merged = new Dictionary<ResourceKind, IReadOnlyList<JsonObject>>();
        foreach (var kind in start.Kinds.Concat(now.Kinds).Distinct())
        {
            var known = start.List(kind);
            var names = known.Select(NameOf).ToHashSet(StringComparer.Ordinal);
            merged[kind] = known.Concat(now.List(kind).Where(o => !names.Contains(NameOf(o)))).ToList();
        }
        return new ClusterSnapshot(start.Namespace, true, merged);
    }

    private static string NameOf(JsonObject o) => o["metadata"]?["name"]?.GetValue<string>() ?? "";

    public JsonObject? Get(ResourceKind kind, string name) =>
        List(kind).FirstOrDefault(o => o["metadata"]?["name"]?.GetValue<string>() == name);

    /// <summary>The authorizer's answer to a question, or null when it was not asked for this snapshot.</summary>
    public AccessAnswer? Answer(AccessQuestion question) => _answers.GetValueOrDefault(question);

    /// <summary>The same objects with these answers.</summary>
    public ClusterSnapshot WithAnswers(IReadOnlyDictionary<AccessQuestion, AccessAnswer> answers) => new(Namespace, Reachable, _objects, answers);
}
