using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Patching;

/// <summary>
/// Strategic merge patch, as kubectl's client-side apply, edit and set image send it: a merge patch in which
/// lists of named things (containers, env, ports, …) merge element by element on their key, an element with
/// <c>$patch: delete</c> is removed, and the <c>$setElementOrder</c>/<c>$retainKeys</c> directives are honoured
/// as far as ordering is concerned (the sandbox keeps the existing order).
/// </summary>
public static class StrategicMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, string field = "")
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        if (patchObject["$patch"]?.GetValue<string>() == "replace")
        {
            var replaced = (JsonObject)patchObject.DeepClone();
            replaced.Remove("$patch");
            return replaced;
        }

        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith('$')) continue; // $setElementOrder/…, $retainKeys, $deleteFromPrimitiveList/…: ordering and hints only
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonArray patchList && result[key] is JsonArray current && ListMergeKeys.For(key, patchList.Count > 0 ? patchList : current) is { } mergeKey)
            {
                result[key] = MergeList(current, patchList, mergeKey, key);
            }
            else if (value is JsonArray list)
            {
                result[key] = new JsonArray(list.Where(e => e?["$patch"] is null).Select(e => e?.DeepClone()).ToArray());
            }
            else
            {
                result[key] = Apply(result[key], value, key);
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray current, JsonArray patch, string mergeKey, string field)
    {
        var merged = current.Select(e => e?.DeepClone()).ToList();
        foreach (var element in patch)
        {
            var key = ListMergeKeys.KeyOf(element, mergeKey);
            var at = key is null ? -1 : merged.FindIndex(e => ListMergeKeys.KeyOf(e, mergeKey) == key);
            if (element?["$patch"]?.GetValue<string>() == "delete")
            {
                if (at >= 0) merged.RemoveAt(at);
                continue;
            }

            if (at >= 0) merged[at] = Apply(merged[at], element, field);
            else merged.Add(element?.DeepClone());
        }

        return new JsonArray(merged.ToArray());
    }
}
