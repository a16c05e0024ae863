using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tutor.Sandbox.Api.Selection;
using Tutor.Sandbox.Api.Tables;
using Tutor.Sandbox.Api.Validation;
using Tutor.Sandbox.Auth;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// Turns HTTP requests into API operations: authenticates and authorizes each one, serves discovery, dispatches resource
/// verbs, and answers every failure with a Kubernetes <c>Status</c> — never a stack trace or an HTML page.
/// </summary>
public sealed class ApiRouter(ResourceHandler resources, AccessControl access, ReviewHandler reviews, CancellationToken stopping)
{
    public const long MaxBodyBytes = 3 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var attributes = access.Admit(context.Request);
            using (RequestUser.Enter(attributes.User)) await RouteAsync(context, attributes);
        }
        catch (ApiError e)
        {
            await WriteAsync(context, e.Code, StatusBody.From(e));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            await WriteAsync(context, 413, StatusBody.Failure(413, "RequestEntityTooLarge", $"the request body is larger than {MaxBodyBytes / 1024 / 1024} MiB"));
        }
        catch (BadHttpRequestException e)
        {
            await WriteAsync(context, 400, StatusBody.Failure(400, "BadRequest", e.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The client went away or the sandbox is stopping.
        }
        catch (Exception e)
        {
            await WriteAsync(context, 500, StatusBody.Failure(500, "InternalError", $"Internal error occurred: {e.Message}"));
        }
    }

    private async Task RouteAsync(HttpContext context, RequestAttributes attributes)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (request.Method == "GET" && Discover(path) is { } document)
        {
            await WriteAsync(context, 200, document);
            return;
        }

        if (request.Method == "GET" && path.StartsWith("/openapi/v3", StringComparison.Ordinal))
        {
            var rest = path["/openapi/v3".Length..].Trim('/');
            var openApi = rest.Length == 0 ? OpenApi.Index() : OpenApi.Document(rest) ?? throw ApiError.NotFound($"the server could not find the requested resource (path {path})");
            await WriteAsync(context, 200, openApi);
            return;
        }

        if (path.TrimEnd('/') is "/healthz" or "/readyz" or "/livez")
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok");
            return;
        }

        if (request.Method == "POST" && ReviewHandler.Handles(attributes))
        {
            await WriteAsync(context, 201, reviews.Handle(attributes, await ReadObjectAsync(request)));
            return;
        }

        var v1Autoscaler = request.Method == "POST" ? AutoscalingV1.V2Path(path) : null;
        var target = ResourcePath.Parse(v1Autoscaler ?? path) ?? throw ApiError.NotFound($"the server could not find the requested resource (path {path})");
        var query = request.Query;
        var dryRun = query["dryRun"].ToString() == "All";
        var labels = LabelSelectorQuery.Parse(query["labelSelector"]);
        var fields = FieldSelectorQuery.Parse(query["fieldSelector"], target.Type.Kind);
        // kubectl get asks for a Table so it can print the server's columns.
        var table = TableResponse.Wanted(request.Headers.Accept.ToString());
        DateTimeOffset Now() => resources.Store.Clock.GetUtcNow();
        var validation = FieldValidation.Parse(query["fieldValidation"]);
        context.Response.OnStarting(() => validation.AddHeaders(context.Response));

        switch (request.Method)
        {
            case "GET" when target.Subresource == "log" && target.Type == ResourceTypes.Pod:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(PodLog.Tail(PodLog.For(resources.Get(target with { Subresource = null }), query["container"], IsTrue(query["previous"])),
                    int.TryParse(query["tailLines"], out var tail) ? tail : null), context.RequestAborted);
                return;
            case "GET" when IsTrue(query["watch"]):
                await WatchStream.ServeAsync(context, resources.Store, target, labels, fields, query["resourceVersion"],
                    int.TryParse(query["timeoutSeconds"], out var seconds) ? seconds : null, stopping,
                    table ? o => TableResponse.For(target.Type, [o], null, Now(), query["includeObject"]) : null);
                return;
            case "GET" when target.IsCollection:
            {
                var list = resources.List(target, labels, fields);
                await WriteAsync(context, 200, !table ? list
                    : TableResponse.For(target.Type, list["items"]!.AsArray().OfType<JsonObject>(), list["metadata"]?["resourceVersion"]?.GetValue<string>(), Now(), query["includeObject"]));
                return;
            }
            case "GET":
            {
                var item = resources.Get(target);
                await WriteAsync(context, 200, table && target.Subresource is null
                    ? TableResponse.For(target.Type, [item], item["metadata"]?["resourceVersion"]?.GetValue<string>(), Now(), query["includeObject"])
                    : item);
                return;
            }
            case "POST" when v1Autoscaler is not null:
                await WriteAsync(context, 201, AutoscalingV1.ToV1(resources.Create(target, AutoscalingV1.ToV2(await ReadObjectAsync(request)), dryRun, validation)));
                return;
            case "POST":
                await WriteAsync(context, 201, resources.Create(target, await ReadObjectAsync(request), dryRun, validation));
                return;
            case "PUT" when !target.IsCollection:
                await WriteAsync(context, 200, resources.Update(target, await ReadObjectAsync(request), dryRun, validation));
                return;
            case "PATCH":
            {
                var (obj, created) = resources.Patch(target, request.ContentType ?? "", await ReadTextAsync(request), dryRun,
                    query["fieldManager"], resources.Store.Clock.GetUtcNow(), validation);
                await WriteAsync(context, created ? 201 : 200, obj);
                return;
            }
            case "DELETE":
            {
                var options = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0 ? await ReadOptionsAsync(request) : null;
                var propagation = query["propagationPolicy"].ToString() is { Length: > 0 } p ? p : options?["propagationPolicy"]?.GetValue<string>();
                dryRun |= options?["dryRun"] is JsonArray modes && modes.Any(m => m?.GetValue<string>() == "All");
                var result = target.IsCollection
                    ? resources.DeleteCollection(target, labels, fields, propagation, dryRun)
                    : resources.Delete(target, propagation, dryRun);
                await WriteAsync(context, 200, result);
                return;
            }
            default:
                throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({request.Method} {path})");
        }
    }

    private static JsonObject? Discover(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["version"] => Discovery.Version(),
            ["api"] => Discovery.CoreVersions(),
            ["api", var version] => Discovery.Resources("", version) ?? throw NotServed(path),
            ["apis"] => Discovery.Groups(),
            ["apis", var group] => Discovery.Group(group) ?? throw NotServed(path),
            ["apis", var group, var version] => Discovery.Resources(group, version) ?? throw NotServed(path),
            _ => null,
        };
    }

    private static ApiError NotServed(string path) => ApiError.NotFound($"the server could not find the requested resource (path {path})");

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";

    /// <summary>The object a create or update sends: JSON, YAML, or the protobuf kubectl's generators and reviews send.</summary>
    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        if (Protobuf.ProtobufBody.Is(request.ContentType)) return Protobuf.ProtobufBody.Decode(await ReadBytesAsync(request));
        var text = await ReadTextAsync(request);
        var media = (request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
        var node = media switch
        {
            "application/json" or "" => Parse(text),
            "application/yaml" or "application/x-yaml" or "text/yaml" => YamlToJson.Convert(text),
            _ => throw ApiError.UnsupportedMediaType(request.ContentType ?? ""),
        };
        return node as JsonObject ?? throw ApiError.BadRequest("the request body must be a JSON object");
    }

    /// <summary>A DELETE's DeleteOptions body, in JSON or (from <c>kubectl drain</c>) protobuf; null when empty.</summary>
    private static async Task<JsonObject?> ReadOptionsAsync(HttpRequest request)
    {
        if (Protobuf.ProtobufBody.Is(request.ContentType)) return Protobuf.ProtobufBody.Decode(await ReadBytesAsync(request));
        var text = await ReadTextAsync(request);
        return text.Length > 0 ? Parse(text) as JsonObject : null;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBytesAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes) throw new BadHttpRequestException("too large", 413);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static async Task<string> ReadTextAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes) throw new BadHttpRequestException("too large", 413);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ApiError.BadRequest($"error decoding the request body as JSON: {e.Message}");
        }
    }

    private static async Task WriteAsync(HttpContext context, int code, JsonObject body)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
