using System.Text.Json.Nodes;
using Tutor.Sandbox.Api.Admission;
using Tutor.Sandbox.Api.Patching;
using Tutor.Sandbox.Api.Selection;
using Tutor.Sandbox.Api.Validation;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// The verbs of the resource API over the store: get, list, create, update, patch (four kinds), delete and
/// deletecollection, with the API server's rules (namespaces must exist, status only through /status,
/// admission, dry runs). Writes are serialised so allocation and read-modify-write never race.
/// </summary>
public sealed class ResourceHandler(ObjectStore store, AdmissionChain admission)
{
    private static readonly HashSet<string> ProtectedNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public ObjectStore Store => store;

    public JsonObject Get(ResourcePath path)
    {
        var obj = store.Get(Key(path)) ?? throw NotFound(path.Type, path.Name!);
        if (path.Subresource == "scale" && ScaleSubresource.Supported(path.Type)) return ScaleSubresource.View(obj);
        return path.Subresource is null or "status" ? obj : throw UnknownSubresource(path);
    }

    public JsonObject List(ResourcePath path, LabelSelectorQuery labels, FieldSelectorQuery fields)
    {
        var (items, version) = store.List(path.Type, path.Namespace);
        return new JsonObject
        {
            ["kind"] = path.Type.Kind + "List",
            ["apiVersion"] = path.Type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString() },
            ["items"] = new JsonArray(items.Where(o => labels.Matches(o) && fields.Matches(o)).Select(o => (JsonNode)o).ToArray()),
        };
    }

    public JsonObject Create(ResourcePath path, JsonObject body, bool dryRun, FieldValidation? validation = null)
    {
        if (!path.IsCollection) throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({path.Type.Plural})");
        CheckIdentity(path, body, requireName: false);
        return store.Atomically(() => Write(path.Type, body, null, dryRun, subresource: null, validation));
    }

    public JsonObject Update(ResourcePath path, JsonObject body, bool dryRun, FieldValidation? validation = null)
    {
        if (path.Subresource == "scale") return Rescale(path, _ => body, dryRun);
        CheckIdentity(path, body, requireName: true);
        return store.Atomically(() =>
        {
            var old = store.Get(Key(path)) ?? throw NotFound(path.Type, path.Name!);
            return Write(path.Type, body, old, dryRun, path.Subresource, validation);
        });
    }

    /// <summary>Applies a patch; returns the stored object and whether it was created (server-side apply only).</summary>
    public (JsonObject Object, bool Created) Patch(ResourcePath path, string contentType, string text, bool dryRun, string? fieldManager, DateTimeOffset now, FieldValidation? validation = null)
    {
        if (path.IsCollection) throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({path.Type.Plural})");
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        // Read, patch and write as one step: a controller's status write cannot slip in between and be undone.
        return store.Atomically(() =>
        {
            var old = store.Get(Key(path));
            if (mediaType == "application/apply-patch+yaml")
            {
                if (string.IsNullOrEmpty(fieldManager))
                    throw ApiError.BadRequest("PATCH, application/apply-patch+yaml requires fieldManager to be set");
                var applied = YamlToJson.Convert(text) as JsonObject ?? throw ApiError.BadRequest("the apply patch must be an object");
                CheckIdentity(path, applied, requireName: true);
                if (path.Subresource is null) validation?.Check(path.Type, applied, apply: true);
                var merged = ServerSideApply.Apply(old, applied, fieldManager, path.Type.ApiVersion, now);
                merged.Remove("status");
                if (old?["status"] is { } status && path.Subresource != "status") merged["status"] = status.DeepClone();
                return (Write(path.Type, merged, old, dryRun, path.Subresource), old is null);
            }

            if (old is null) throw NotFound(path.Type, path.Name!);
            var patch = Parse(text);
            JsonObject Patched(JsonObject target) => mediaType switch
            {
                "application/merge-patch+json" => MergePatch.Apply(target, patch),
                "application/strategic-merge-patch+json" => StrategicMergePatch.Apply(target, patch),
                "application/json-patch+json" => JsonPatch.Apply(target, patch),
                _ => throw ApiError.UnsupportedMediaType(contentType),
            } as JsonObject ?? throw ApiError.BadRequest("the patch does not leave an object");
            if (path.Subresource == "scale") return (Rescale(path, Patched, dryRun), false);
            var patched = Patched(old);
            CheckIdentity(path, patched, requireName: true);
            return (Write(path.Type, patched, old, dryRun, path.Subresource, validation), false);
        });
    }

    /// <summary>Changes a workload's replicas through its Scale view and answers with the new view.</summary>
    private JsonObject Rescale(ResourcePath path, Func<JsonObject, JsonObject> change, bool dryRun)
    {
        if (!ScaleSubresource.Supported(path.Type)) throw UnknownSubresource(path);
        return store.Atomically(() =>
        {
            var old = store.Get(Key(path)) ?? throw NotFound(path.Type, path.Name!);
            var next = ScaleSubresource.Into(old, change(ScaleSubresource.View(old)));
            next["metadata"]!.AsObject().Remove("resourceVersion");
            return ScaleSubresource.View(Write(path.Type, next, old, dryRun, null));
        });
    }

    public JsonObject Delete(ResourcePath path, string? propagationPolicy, bool dryRun)
    {
        if (path.IsCollection || path.Subresource is not null)
            throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({path.Type.Plural})");
        return store.Atomically(() =>
        {
            var key = Key(path);
            var current = store.Get(key) ?? throw NotFound(path.Type, path.Name!);
            if (dryRun) return current;
            if (path.Type == ResourceTypes.Namespace)
            {
                if (ProtectedNamespaces.Contains(path.Name!))
                    throw ApiError.Forbidden($"namespaces \"{path.Name}\" is forbidden: this namespace may not be deleted");
                // The namespace controller empties a Terminating namespace, then removes it.
                return store.Mutate(key, ns =>
                {
                    if (ns["metadata"]!["deletionTimestamp"] is not null) return false;
                    ns["metadata"]!["deletionTimestamp"] = now();
                    ns["status"] = new JsonObject { ["phase"] = "Terminating" };
                    return true;
                }) ?? current;
            }

            if (propagationPolicy == "Orphan") Orphan(current);
            return store.Delete(key) ?? current;
        });

        string now() => store.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
    }

    public JsonObject DeleteCollection(ResourcePath path, LabelSelectorQuery labels, FieldSelectorQuery fields, string? propagationPolicy, bool dryRun)
    {
        if (!path.IsCollection) throw ApiError.MethodNotAllowed("deletecollection needs a collection path");
        var list = List(path, labels, fields);
        if (!dryRun)
        {
            foreach (var item in list["items"]!.AsArray().OfType<JsonObject>())
            {
                var name = item["metadata"]!["name"]!.GetValue<string>();
                var ns = item["metadata"]?["namespace"]?.GetValue<string>();
                try
                {
                    Delete(path with { Namespace = ns ?? path.Namespace, Name = name }, propagationPolicy, dryRun: false);
                }
                catch (ApiError e) when (e.Code is 403 or 404)
                {
                    // Protected or already gone: deletecollection carries on, as the API server does.
                }
            }
        }

        list["kind"] = path.Type.Kind + "List";
        return list;
    }

    private JsonObject Write(ResourceType type, JsonObject next, JsonObject? old, bool dryRun, string? subresource, FieldValidation? validation = null)
    {
        if (subresource is not null and not "status") throw ApiError.NotFound($"the server could not find the requested resource ({type.Plural}/{subresource})");
        if (subresource == "status")
        {
            var statusOnly = (JsonObject)old!.DeepClone();
            statusOnly["status"] = next["status"]?.DeepClone();
            next = statusOnly;
        }
        else if (Discovery.HasStatus(type))
        {
            next.Remove("status");
            if (old?["status"] is { } status) next["status"] = status.DeepClone();
        }

        var meta = next["metadata"] as JsonObject ?? throw ApiError.BadRequest("metadata is required");
        if (old is not null)
        {
            var oldMeta = old["metadata"]!.AsObject();
            // A client that leaves these out of a full update does not mean to drop them.
            foreach (var kept in new[] { "managedFields", "deletionTimestamp" })
                if (meta[kept] is null && oldMeta[kept] is { } value) meta[kept] = value.DeepClone();
        }
        else
        {
            foreach (var serverSet in new[] { "uid", "resourceVersion", "creationTimestamp", "generation", "deletionTimestamp" }) meta.Remove(serverSet);
            CheckNamespaceOpen(type, meta);
        }

        if (subresource is null) validation?.Check(type, next, apply: false);
        if (subresource is null) admission.Admit(type, next, old);
        if (dryRun) return next;
        try
        {
            return old is null ? store.Create(type, next) : store.Update(type, next);
        }
        catch (StoreConflictException e) when (e.Reason == StoreConflictReason.AlreadyExists)
        {
            throw new ApiError(409, "AlreadyExists", e.Message, StatusBody.Details(e.Key.Name, type.Group, type.Plural));
        }
        catch (StoreConflictException e) when (e.Reason == StoreConflictReason.VersionMismatch)
        {
            throw new ApiError(409, "Conflict", e.Message, StatusBody.Details(e.Key.Name, type.Group, type.Plural));
        }
        catch (StoreConflictException e)
        {
            throw NotFound(type, e.Key.Name);
        }
    }

    private void CheckNamespaceOpen(ResourceType type, JsonObject meta)
    {
        if (!type.Namespaced) return;
        var ns = meta["namespace"]!.GetValue<string>();
        var found = store.Get(new ObjectKey(ResourceTypes.Namespace, "", ns));
        if (found is null) throw NotFound(ResourceTypes.Namespace, ns);
        if (found["metadata"]?["deletionTimestamp"] is not null)
            throw ApiError.Forbidden($"{type.Plural} \"{meta["name"]?.GetValue<string>()}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated");
    }

    /// <summary>Checks the body's kind, apiVersion, name and namespace against the URL.</summary>
    private static void CheckIdentity(ResourcePath path, JsonObject body, bool requireName)
    {
        var apiVersion = body["apiVersion"] is JsonValue av && av.TryGetValue<string>(out var a) ? a : null;
        var kind = body["kind"] is JsonValue kv && kv.TryGetValue<string>(out var k) ? k : null;
        if (kind is not null && kind != path.Type.Kind)
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({path.Type.ApiVersion}) or the kind \"{kind}\" is not \"{path.Type.Kind}\"");
        if (apiVersion is not null && apiVersion != path.Type.ApiVersion)
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({path.Type.ApiVersion})");
        if (body["metadata"] is not JsonObject meta)
        {
            if (body["metadata"] is not null) throw ApiError.BadRequest("metadata must be an object");
            meta = new JsonObject();
            body["metadata"] = meta;
        }

        var name = meta["name"] is JsonValue nv && nv.TryGetValue<string>(out var n) ? n : null;
        if (requireName && name is not null && name != path.Name)
            throw ApiError.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})");
        if (requireName) meta["name"] = path.Name;
        var ns = meta["namespace"] is JsonValue sv && sv.TryGetValue<string>(out var s) ? s : null;
        if (path.Type.Namespaced && !string.IsNullOrEmpty(ns) && ns != path.Namespace)
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        // An object may leave its namespace out; it then belongs to the one on the URL (on an update too).
        if (path.Type.Namespaced) meta["namespace"] = path.Namespace;
    }

    /// <summary>Removes the ownerReferences that point at <paramref name="owner"/>, so its dependents outlive it.</summary>
    private void Orphan(JsonObject owner)
    {
        var uid = owner["metadata"]?["uid"]?.GetValue<string>();
        var ns = owner["metadata"]?["namespace"]?.GetValue<string>();
        if (uid is null || ns is null) return;
        foreach (var type in ResourceTypes.All.Where(t => t.Namespaced))
        {
            foreach (var item in store.List(type, ns).Items)
            {
                if (item["metadata"]?["ownerReferences"] is not JsonArray refs || !refs.Any(r => r?["uid"]?.GetValue<string>() == uid)) continue;
                store.Mutate(new ObjectKey(type, ns, item["metadata"]!["name"]!.GetValue<string>()), o =>
                {
                    var kept = o["metadata"]!["ownerReferences"]!.AsArray().Where(r => r?["uid"]?.GetValue<string>() != uid).Select(r => r!.DeepClone()).ToArray();
                    if (kept.Length == 0) o["metadata"]!.AsObject().Remove("ownerReferences");
                    else o["metadata"]!["ownerReferences"] = new JsonArray(kept);
                    return true;
                });
            }
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ApiError.BadRequest($"error decoding patch: {e.Message}");
        }
    }

    private static ObjectKey Key(ResourcePath path) => new(path.Type, path.Namespace ?? "", path.Name ?? "");

    public static ApiError NotFound(ResourceType type, string name) =>
        ApiError.NotFound($"{type.Plural}{(type.Group.Length > 0 ? "." + type.Group : "")} \"{name}\" not found", StatusBody.Details(name, type.Group, type.Plural));

    private static ApiError UnknownSubresource(ResourcePath path) =>
        ApiError.NotFound($"the server could not find the requested resource ({path.Type.Plural}/{path.Subresource})");
}
