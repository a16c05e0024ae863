using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Patching;

/// <summary>
/// Server-side apply of one manager's configuration onto the live object: fields the manager applied last
/// time and no longer applies are removed, then the configuration is merged in (keyed lists element by
/// element), and the manager's <c>managedFields</c> entry records what it now owns.
/// Simplified: ownership is tracked for Apply managers only, and conflicts between managers are not
/// reported — the last applier wins, as with <c>force=true</c>.
/// </summary>
public static class ServerSideApply
{
    public static JsonObject Apply(JsonObject? live, JsonObject applied, string manager, string apiVersion, DateTimeOffset now)
    {
        var newSet = FieldSet.Of(applied);
        var result = live is null ? new JsonObject() : (JsonObject)live.DeepClone();
        var entries = result["metadata"]?["managedFields"] as JsonArray;
        var previous = entries?.OfType<JsonObject>()
            .FirstOrDefault(e => e["manager"]?.GetValue<string>() == manager && e["operation"]?.GetValue<string>() == "Apply");
        if (previous?["fieldsV1"] is JsonObject oldSet) RemoveDropped(result, oldSet, newSet);

        result = (JsonObject)Merge(result, applied, "")!;

        var managed = new JsonArray();
        if (entries is not null)
            foreach (var e in entries.OfType<JsonObject>())
                if (!ReferenceEquals(e, previous)) managed.Add(e.DeepClone());
        // An apply that changes nothing keeps its old time, so it stays a no-op (no new resourceVersion, no watch event).
        var unchanged = live is not null && previous is not null && JsonNode.DeepEquals(previous["fieldsV1"], newSet)
            && JsonNode.DeepEquals(WithoutManagedFields(live), WithoutManagedFields(result));
        managed.Add(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Apply",
            ["apiVersion"] = apiVersion,
            ["time"] = unchanged ? previous!["time"]?.DeepClone() : now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = newSet,
        });
        if (result["metadata"] is not JsonObject meta)
        {
            meta = new JsonObject();
            result["metadata"] = meta;
        }

        meta["managedFields"] = managed;
        return result;
    }

    private static JsonObject WithoutManagedFields(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    /// <summary>Deep merge where keyed lists merge by key and everything else in <paramref name="applied"/> replaces.</summary>
    private static JsonNode? Merge(JsonNode? live, JsonNode? applied, string field)
    {
        if (applied is JsonObject a)
        {
            var result = live is JsonObject l ? (JsonObject)l.DeepClone() : new JsonObject();
            foreach (var (key, value) in a)
            {
                if (key == "managedFields") continue;
                result[key] = Merge(result[key], value, key);
            }

            return result;
        }

        if (applied is JsonArray list && live is JsonArray current && ListMergeKeys.For(field, list.Count > 0 ? list : current) is { } mergeKey)
        {
            var merged = current.Select(e => e?.DeepClone()).ToList();
            foreach (var element in list)
            {
                var key = ListMergeKeys.KeyOf(element, mergeKey);
                var at = key is null ? -1 : merged.FindIndex(e => ListMergeKeys.KeyOf(e, mergeKey) == key);
                if (at >= 0) merged[at] = Merge(merged[at], element, field + "[]");
                else merged.Add(element?.DeepClone());
            }

            return new JsonArray(merged.ToArray());
        }

        return applied?.DeepClone();
    }

    private static void RemoveDropped(JsonNode? node, JsonObject oldSet, JsonObject newSet)
    {
        foreach (var (token, oldChild) in oldSet)
        {
            if (token == ".") continue;
            newSet.TryGetPropertyValue(token, out var newChild);
            if (token.StartsWith("f:", StringComparison.Ordinal) && node is JsonObject obj)
            {
                var name = token[2..];
                if (newChild is null) obj.Remove(name);
                else if (oldChild is JsonObject o && o.Count > 0 && newChild is JsonObject n) RemoveDropped(obj[name], o, n);
            }
            else if (token.StartsWith("k:", StringComparison.Ordinal) && node is JsonArray list)
            {
                var key = JsonNode.Parse(token[2..]) as JsonObject;
                var (keyName, keyValue) = key!.First();
                var element = list.FirstOrDefault(e => JsonNode.DeepEquals(e?[keyName], keyValue));
                if (element is null) continue;
                if (newChild is null) list.Remove(element);
                else if (oldChild is JsonObject o && newChild is JsonObject n) RemoveDropped(element, o, n);
            }
        }
    }
}
