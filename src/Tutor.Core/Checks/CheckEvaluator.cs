using System.Text.Json.Nodes;

namespace Tutor.Core.Checks;

/// <summary>
/// Decides each check against one snapshot of the cluster. Pure: the same check and snapshot always
/// give the same verdict, so every rule is tested without a server.
/// </summary>
public static class CheckEvaluator
{
    public const string UnreachableMessage = "cannot reach the cluster";

    /// <summary>
    /// Evaluates every check against <paramref name="snapshot"/>. <paramref name="start"/> is what the cluster looked
    /// like when the step started; only <c>changed</c>/<c>unchanged</c> read it, and fail when it is not known.
    /// </summary>
    public static IReadOnlyList<CheckVerdict> EvaluateAll(IReadOnlyList<Check> checks, ClusterSnapshot snapshot, ClusterSnapshot? start = null) =>
        checks.Select(c => Evaluate(c, snapshot, start)).ToList();

    /// <summary>Whether any of the checks compares with the step's start, so a caller knows to record it.</summary>
    public static bool NeedsStart(IEnumerable<Check> checks) => checks.Any(c => c is ChangeCheck);

    public static CheckVerdict Evaluate(Check check, ClusterSnapshot snapshot, ClusterSnapshot? start = null)
    {
        if (!snapshot.Reachable)
            return CheckVerdict.Fail(UnreachableMessage);
        return check switch
        {
            ReachableCheck => CheckVerdict.Pass("the cluster answers"),
            ExistsCheck c => Exists(c, snapshot),
            AbsentCheck c => Absent(c, snapshot),
            MatchCheck c => Match(c, snapshot),
            CountCheck c => Count(c, snapshot),
            RolledOutCheck c => RolledOut(c, snapshot),
            EndpointsCheck c => Endpoints(c, snapshot),
            SelectsCheck c => Selects(c, snapshot),
            CanICheck c => CanI(c, snapshot),
            ChangeCheck c => Change(c, snapshot, start),
            _ => CheckVerdict.Fail($"this version of Tutor cannot evaluate a {check.GetType().Name}"),
        };
    }

    private static CheckVerdict Exists(ExistsCheck check, ClusterSnapshot snapshot)
    {
        var (obj, label) = Find(check.Resource, snapshot);
        return obj is null ? NotFound(check.Resource, label, snapshot) : CheckVerdict.Pass($"{label} exists");
    }

    private static CheckVerdict Absent(AbsentCheck check, ClusterSnapshot snapshot)
    {
        var (obj, label) = Find(check.Resource, snapshot);
        if (obj is null)
            return CheckVerdict.Pass($"{label} is gone");
        return JsonText.Get(obj, "metadata", "deletionTimestamp") is not null
            ? CheckVerdict.Fail($"{label} is still terminating")
            : CheckVerdict.Fail($"{label} still exists");
    }

    private static CheckVerdict Match(MatchCheck check, ClusterSnapshot snapshot)
    {
        var (obj, label) = Find(check.Resource, snapshot);
        if (obj is null)
            return NotFound(check.Resource, label, snapshot);
        var failure = ObjectMatcher.FirstMismatch(check.Expected, obj);
        if (failure is null)
            return CheckVerdict.Pass(MatchedFacts(label, check.Expected, obj));
        // A Pod explains itself; a workload or Service through the Pods its selector picks; a claim through its class and volumes.
        var events = snapshot.List(WellKnownKinds.Event);
        var storage = StorageFacts.From(snapshot);
        var diagnosis = check.Resource.Kind == WellKnownKinds.Pod ? PodDiagnosis.ExplainPod(obj, events, storage)
            : WellKnownKinds.PodOwners.Contains(check.Resource.Kind.Kind) ? PodDiagnosis.ForObject(obj, snapshot.List(WellKnownKinds.Pod), events, storage)
            : check.Resource.Kind == WellKnownKinds.PersistentVolumeClaim ? ClaimDiagnosis.Explain(obj, storage, snapshot.List(WellKnownKinds.Pod), events)
            : null;
        return CheckVerdict.Fail(failure.Message, diagnosis);
    }

    private static CheckVerdict Count(CountCheck check, ClusterSnapshot snapshot)
    {
        var plural = Plural(check.Kind.Kind);
        var selected = snapshot.List(check.Kind).Where(o => check.Selector?.Matches(o) ?? true).ToList();
        var counted = check.Match is null ? selected : selected.Where(o => ObjectMatcher.Matches(check.Match, o)).ToList();
        var picked = check.Selector is null || check.Selector.IsEmpty ? "" : $" with {check.Selector}";
        var matching = check.Match is null ? "" : " that match";
        if (check.Bounds.Accepts(counted.Count))
            return CheckVerdict.Pass($"{counted.Count} {(counted.Count == 1 ? check.Kind.Kind : plural)}{picked}{matching}");

        var message = $"expected {check.Bounds.Describe()} {(check.Bounds.Reference == 1 ? check.Kind.Kind : plural)}{picked}{matching}, found {counted.Count}";
        // Say why the first selected-but-not-counted object falls short: that is the one to fix.
        if (check.Match is not null && selected.Except(counted).FirstOrDefault() is { } first &&
            ObjectMatcher.FirstMismatch(check.Match, first) is { } shortfall)
            message += $" ({JsonText.Str(JsonText.Get(first, "metadata", "name"))}: {shortfall.Message})";

        string? diagnosis = null;
        if (check.Kind == WellKnownKinds.Pod && check.Selector is not null && counted.Count < (check.Bounds.Min ?? check.Bounds.Exactly ?? 0))
            diagnosis = PodDiagnosis.ForSelector(check.Selector, snapshot.List(WellKnownKinds.Pod), snapshot.List(WellKnownKinds.Event), StorageFacts.From(snapshot));
        return CheckVerdict.Fail(message, diagnosis);
    }

    private static CheckVerdict RolledOut(RolledOutCheck check, ClusterSnapshot snapshot)
    {
        var (obj, label) = Find(check.Resource, snapshot);
        if (obj is null)
            return NotFound(check.Resource, label, snapshot);
        var status = JsonText.Get(obj, "status");
        int Status(string field) => JsonText.Int(JsonText.Get(status, field));

        var generation = JsonText.Int(JsonText.Get(obj, "metadata", "generation"));
        if (Status("observedGeneration") < generation)
            return Fail($"{label}: the controller has not yet seen the latest change");

        string? problem;
        int desired, ready;
        switch (check.Resource.Kind.Kind)
        {
            case "Deployment":
            {
                desired = JsonText.Int(JsonText.Get(obj, "spec", "replicas"), fallback: 1);
                ready = Status("readyReplicas");
                var updated = Status("updatedReplicas");
                var total = Status("replicas");
                var available = Status("availableReplicas");
                var deadline = (JsonText.Get(status, "conditions") as JsonArray)?.OfType<JsonObject>()
                    .Any(c => JsonText.Str(c["type"]) == "Progressing" && JsonText.Str(c["reason"]) == "ProgressDeadlineExceeded") == true;
                problem =
                    deadline ? $"{label} exceeded its progress deadline ({ready}/{desired} ready)" :
                    updated < desired ? $"{label}: {updated} of {desired} replicas updated" :
                    total > updated ? $"{label}: {total - updated} old {(total - updated == 1 ? "replica" : "replicas")} still terminating" :
                    ready < desired ? $"{label} has {ready}/{desired} ready" :
                    available < desired ? $"{label}: {available} of {desired} replicas available" :
                    null;
                break;
            }
            case "StatefulSet":
            {
                desired = JsonText.Int(JsonText.Get(obj, "spec", "replicas"), fallback: 1);
                ready = Status("readyReplicas");
                var updated = Status("updatedReplicas");
                var onDelete = JsonText.Str(JsonText.Get(obj, "spec", "updateStrategy", "type")) == "OnDelete";
                var current = JsonText.Str(JsonText.Get(status, "currentRevision"));
                var update = JsonText.Str(JsonText.Get(status, "updateRevision"));
                problem =
                    ready < desired ? $"{label} has {ready}/{desired} ready" :
                    !onDelete && updated < desired ? $"{label}: {updated} of {desired} replicas updated" :
                    !onDelete && current is not null && update is not null && current != update ? $"{label}: rolling update still in progress" :
                    null;
                break;
            }
            case "DaemonSet":
            {
                desired = Status("desiredNumberScheduled");
                ready = Status("numberReady");
                var updated = Status("updatedNumberScheduled");
                problem =
                    updated < desired ? $"{label}: {updated} of {desired} pods updated" :
                    ready < desired ? $"{label} has {ready}/{desired} ready" :
                    null;
                break;
            }
            default:
                return CheckVerdict.Fail($"rolledOut does not apply to a {check.Resource.Kind.Kind}");
        }

        return problem is null ? CheckVerdict.Pass($"{label} has {ready}/{desired} ready") : Fail(problem);

        CheckVerdict Fail(string message) =>
            CheckVerdict.Fail(message, PodDiagnosis.ForObject(obj, snapshot.List(WellKnownKinds.Pod), snapshot.List(WellKnownKinds.Event), StorageFacts.From(snapshot)));
    }

    private static CheckVerdict Endpoints(EndpointsCheck check, ClusterSnapshot snapshot)
    {
        var (service, label) = Find(check.Service, snapshot);
        if (service is null)
            return NotFound(check.Service, label, snapshot);
        var name = check.Service.ResolveName(snapshot.Namespace);
        var endpoints = snapshot.Get(WellKnownKinds.Endpoints, name);
        var subsets = (JsonText.Get(endpoints, "subsets") as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var ready = subsets.Sum(s => (s["addresses"] as JsonArray)?.Count ?? 0);
        var notReady = subsets.Sum(s => (s["notReadyAddresses"] as JsonArray)?.Count ?? 0);
        var noun = ready == 1 ? "endpoint" : "endpoints";
        if (check.Bounds.Accepts(ready))
            return CheckVerdict.Pass($"{label} has {ready} ready {noun}");
        var notReadyText = notReady > 0 ? $" ({notReady} not ready)" : "";
        return CheckVerdict.Fail(
            $"expected {check.Bounds.Describe()} ready {(check.Bounds.Reference == 1 ? "endpoint" : "endpoints")} for {label}, found {ready}{notReadyText}",
            PodDiagnosis.ForObject(service, snapshot.List(WellKnownKinds.Pod), snapshot.List(WellKnownKinds.Event), StorageFacts.From(snapshot)));
    }

    private static CheckVerdict Selects(SelectsCheck check, ClusterSnapshot snapshot)
    {
        var (obj, label) = Find(check.Resource, snapshot);
        if (obj is null)
            return NotFound(check.Resource, label, snapshot);
        var selector = LabelSelector.Of(obj);
        if (selector is null)
            return CheckVerdict.Fail($"{label} has no selector");
        var targets = snapshot.List(check.Target);
        var picked = targets.Count(t => selector.Matches(t));
        var noun = picked == 1 ? check.Target.Kind : Plural(check.Target.Kind);
        if (check.Bounds.Accepts(picked))
            return CheckVerdict.Pass($"{label} selects {picked} {noun} ({selector})");
        string? diagnosis = null;
        if (picked == 0 && check.Target == WellKnownKinds.Pod)
            diagnosis = PodDiagnosis.NoPodMatches(selector, targets);
        return CheckVerdict.Fail(
            $"expected {label} to select {check.Bounds.Describe()} {(check.Bounds.Reference == 1 ? check.Target.Kind : Plural(check.Target.Kind))}, its selector {selector} selects {picked}",
            diagnosis);
    }

    private static CheckVerdict CanI(CanICheck check, ClusterSnapshot snapshot)
    {
        var question = check.Question;
        var what = question.Describe(snapshot.Namespace);
        var answer = snapshot.Answer(question);
        if (answer is null)
            return CheckVerdict.Fail($"the API server has not been asked yet whether {question.Subject} may {what}");
        if (answer.Error is { } error)
            return CheckVerdict.Fail($"cannot ask the API server whether {question.Subject} may {what}: {error}");
        var because = answer.Reason.Length > 0 ? $" ({answer.Reason})" : "";
        if (answer.Allowed == check.Expect)
            return CheckVerdict.Pass(answer.Allowed ? $"{question.Subject} may {what}{because}" : $"{question.Subject} may not {what}");
        if (answer.Allowed)
            return CheckVerdict.Fail($"expected {question.Subject} not to be allowed to {what}, but it is{because}");
        return CheckVerdict.Fail($"expected {question.Subject} to be allowed to {what}, but it is not",
            RbacDiagnosis.ExplainDenial(question, snapshot.Namespace, snapshot.List(WellKnownKinds.Role), snapshot.List(WellKnownKinds.RoleBinding)));
    }

    private static CheckVerdict Change(ChangeCheck check, ClusterSnapshot snapshot, ClusterSnapshot? start)
    {
        var (obj, label) = Find(check.Resource, snapshot);
        if (obj is null)
            return NotFound(check.Resource, label, snapshot);
        var field = check.FieldPath;
        var now = JsonText.Get(obj, [.. check.Field]);
        if (start is null || !start.Reachable)
            return CheckVerdict.Fail($"Tutor did not see {label} when this step started, so it cannot tell whether its {field} changed: open the step in the app (or run `tutor check --wait`) before you change anything");
        var before = start.Get(check.Resource.Kind, check.Resource.ResolveName(start.Namespace));
        if (before is null)
            return check.ExpectChange
                ? CheckVerdict.Pass($"{label} is new since the step started ({field} is {JsonText.Show(now)})")
                : CheckVerdict.Fail($"{label} did not exist when the step started, so it is not the same one (its {field} is {JsonText.Show(now)})");
        var then = JsonText.Get(before, [.. check.Field]);
        var same = JsonNode.DeepEquals(then, now);
        if (same != check.ExpectChange)
            return CheckVerdict.Pass(same
                ? $"{label}: {field} is still {JsonText.Show(now)}, as when the step started"
                : $"{label}: {field} changed from {JsonText.Show(then)} to {JsonText.Show(now)} since the step started");
        return CheckVerdict.Fail(same
            ? $"expected {field} of {label} to change since the step started, it is still {JsonText.Show(now)}"
            : $"expected {field} of {label} to stay {JsonText.Show(then)} as when the step started, found {JsonText.Show(now)}");
    }

    private static (JsonObject? Object, string Label) Find(ResourceRef resource, ClusterSnapshot snapshot)
    {
        var name = resource.ResolveName(snapshot.Namespace);
        return (snapshot.Get(resource.Kind, name), $"{resource.Kind.Kind} {name}");
    }

    private static CheckVerdict NotFound(ResourceRef resource, string label, ClusterSnapshot snapshot) =>
        CheckVerdict.Fail(WellKnownKinds.IsClusterScoped(resource.Kind)
            ? $"{label} not found"
            : $"{label} not found in namespace {snapshot.Namespace}");

    // A passing match states what it saw: "Deployment vote: spec.replicas is 3, status.readyReplicas is 3".
    private static string MatchedFacts(string label, JsonNode expected, JsonObject actual)
    {
        var facts = new List<string>();
        Collect(expected, actual, "", facts);
        return facts.Count is > 0 and <= 3 ? $"{label}: {string.Join(", ", facts)}" : $"{label} matches";
    }

    private static void Collect(JsonNode? expected, JsonNode? actual, string path, List<string> facts)
    {
        if (facts.Count > 3)
            return;
        if (expected is JsonObject map && !ObjectMatcher.IsOperatorMap(map))
        {
            foreach (var (key, value) in map)
                Collect(value, JsonText.Get(actual, key), path.Length == 0 ? key : $"{path}.{key}", facts);
            return;
        }
        if (expected is JsonArray)
        {
            facts.Add($"{path} has the expected elements");
            return;
        }
        facts.Add(JsonText.IsMissing(actual) ? $"{path} is not set" : $"{path} is {JsonText.Show(actual)}");
    }

    private static string Plural(string kind) =>
        kind == "Endpoints" ? kind : kind.EndsWith('s') ? kind + "es" : kind.EndsWith('y') && !kind.EndsWith("ey") ? kind[..^1] + "ies" : kind + "s";
}
