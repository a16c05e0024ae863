using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Patching;

/// <summary>
/// The set of fields an applied configuration sets, in the API's <c>FieldsV1</c> form: <c>f:name</c> for a
/// field, <c>k:{"name":"web"}</c> for an element of a keyed list, <c>.</c> for the element itself.
/// </summary>
public static class FieldSet
{
    public static JsonObject Of(JsonObject applied)
    {
        var set = new JsonObject();
        foreach (var (key, value) in applied)
        {
            if (key is "apiVersion" or "kind") continue;
            if (key == "metadata" && value is JsonObject meta)
            {
                var metaSet = new JsonObject();
                foreach (var (mk, mv) in meta)
                {
                    if (mk is "name" or "namespace" or "managedFields" or "resourceVersion" or "uid" or "creationTimestamp" or "generation") continue;
                    metaSet["f:" + mk] = Describe(mk, mv);
                }

                if (metaSet.Count > 0) set["f:metadata"] = metaSet;
                continue;
            }

            set["f:" + key] = Describe(key, value);
        }

        return set;
    }

    private static JsonObject Describe(string field, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject o:
            {
                var set = new JsonObject();
                foreach (var (k, v) in o) set["f:" + k] = Describe(k, v);
                return set;
            }
            case JsonArray list when ListMergeKeys.For(field, list) is { } mergeKey:
            {
                var set = new JsonObject();
                foreach (var element in list.OfType<JsonObject>())
                {
                    if (element[mergeKey] is not { } keyValue) continue;
                    var elementSet = Describe(field + "[]", element);
                    elementSet.Insert(0, ".", new JsonObject());
                    set[ElementKey(mergeKey, keyValue)] = elementSet;
                }

                return set;
            }
            default:
                return new JsonObject();
        }
    }

    public static string ElementKey(string mergeKey, JsonNode keyValue) =>
        "k:" + new JsonObject { [mergeKey] = keyValue.DeepClone() }.ToJsonString();
}
