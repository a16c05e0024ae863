using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>
/// Reads a request body in Kubernetes' protobuf form: the <c>k8s\0</c> prefix, then a runtime.Unknown envelope
/// (1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType) whose raw bytes are the object's
/// message. The result is the JSON object the JSON form of the same request would carry, so everything after reading
/// the body (validation, admission, RBAC, field validation) is the same for both.
/// </summary>
public static class ProtobufBody
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static bool Is(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase);

    public static JsonObject Decode(ReadOnlyMemory<byte> body)
    {
        if (body.Length < Magic.Length || !body.Span[..Magic.Length].SequenceEqual(Magic))
            throw Malformed("the envelope prefix is missing");
        ReadOnlyMemory<byte> typeMeta = default, raw = default;
        foreach (var field in ProtoReader.Fields(body[Magic.Length..]))
        {
            if (field.Number is < 1 or > 4) continue;
            if (field.WireType != 2) throw Malformed($"field {field.Number} of the envelope has wire type {field.WireType}, expected 2 (length-delimited)");
            if (field.Number == 1) typeMeta = field.Bytes;
            else if (field.Number == 2) raw = field.Bytes;
            else if (field.Number == 3 && field.Bytes.Length > 0) throw Malformed($"content encoding \"{field.Text}\" is not supported");
        }

        var type = ProtoJson.Decode(TypeMeta, typeMeta, "TypeMeta");
        var apiVersion = (string?)type["apiVersion"] ?? "";
        var kind = (string?)type["kind"] ?? "";
        var schema = ProtobufKinds.Find(apiVersion, kind) ?? throw ApiError.UnsupportedMediaType($"{MediaType} (for {apiVersion} {kind})");
        return ProtoJson.Decode(schema, raw, kind, new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion });
    }

    private static readonly MessageSchema TypeMeta = new("TypeMeta", ProtoFields.Text(1, "apiVersion"), ProtoFields.Text(2, "kind"));

    private static ApiError Malformed(string why) => ApiError.BadRequest($"error decoding the request body as protobuf: {why}");
}
