using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>
/// Turns the protobuf bodies kubectl sends for reviews and TokenRequest (<c>auth can-i</c>, <c>auth whoami</c>,
/// <c>create token</c>) into the JSON the review handler reads. Field numbers are those of the Kubernetes API's
/// generated.proto files; fields the handler does not read are skipped.
/// </summary>
public static class ReviewProtobuf
{
    /// <summary>The <c>k8s\0</c> prefix of Kubernetes' protobuf envelope.</summary>
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public const string MediaType = "application/vnd.kubernetes.protobuf";

    public static JsonObject Decode(ReadOnlyMemory<byte> body)
    {
        if (body.Length < Magic.Length || !body.Span[..Magic.Length].SequenceEqual(Magic))
            throw ApiError.BadRequest("error decoding the request body as protobuf: the envelope prefix is missing");
        var envelope = ProtoReader.Fields(body[Magic.Length..]);
        var typeMeta = ProtoReader.Fields(Field(envelope, 1)?.Bytes ?? ReadOnlyMemory<byte>.Empty);
        var kind = Field(typeMeta, 2)?.Text ?? "";
        var apiVersion = Field(typeMeta, 1)?.Text ?? "";
        var raw = ProtoReader.Fields(Field(envelope, 2)?.Bytes ?? ReadOnlyMemory<byte>.Empty);
        var spec = ProtoReader.Fields(Field(raw, 2)?.Bytes ?? ReadOnlyMemory<byte>.Empty);
        var json = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion, ["metadata"] = Metadata(Field(raw, 1)) };
        json["spec"] = kind switch
        {
            "TokenRequest" => TokenRequestSpec(spec),
            "SelfSubjectAccessReview" => AccessSpec(spec, subject: false),
            "SubjectAccessReview" or "LocalSubjectAccessReview" => AccessSpec(spec, subject: true),
            "SelfSubjectRulesReview" => Strings(spec, (1, "namespace")),
            "SelfSubjectReview" => new JsonObject(),
            _ => throw ApiError.UnsupportedMediaType($"{MediaType} (for {kind})"),
        };
        return json;
    }

    private static JsonObject TokenRequestSpec(IReadOnlyList<ProtoField> spec)
    {
        var json = new JsonObject();
        var audiences = spec.Where(f => f.Number == 1 && f.WireType == 2).Select(f => (JsonNode)f.Text).ToArray();
        if (audiences.Length > 0) json["audiences"] = new JsonArray(audiences);
        if (Field(spec, 4) is { WireType: 0 } seconds) json["expirationSeconds"] = (long)seconds.Varint;
        return json;
    }

    private static JsonObject AccessSpec(IReadOnlyList<ProtoField> spec, bool subject)
    {
        var json = new JsonObject();
        if (Field(spec, 1) is { } resource)
        {
            json["resourceAttributes"] = Strings(ProtoReader.Fields(resource.Bytes),
                (1, "namespace"), (2, "verb"), (3, "group"), (4, "version"), (5, "resource"), (6, "subresource"), (7, "name"));
        }

        if (Field(spec, 2) is { } nonResource) json["nonResourceAttributes"] = Strings(ProtoReader.Fields(nonResource.Bytes), (1, "path"), (2, "verb"));
        if (subject)
        {
            if (Field(spec, 3) is { } user) json["user"] = user.Text;
            var groups = spec.Where(f => f.Number == 4 && f.WireType == 2).Select(f => (JsonNode)f.Text).ToArray();
            if (groups.Length > 0) json["groups"] = new JsonArray(groups);
            if (Field(spec, 6) is { } uid) json["uid"] = uid.Text;
        }

        return json;
    }

    private static JsonObject Metadata(ProtoField? meta) =>
        meta is { } m ? Strings(ProtoReader.Fields(m.Bytes), (1, "name"), (3, "namespace")) : new JsonObject();

    private static JsonObject Strings(IReadOnlyList<ProtoField> fields, params (int Number, string Name)[] names)
    {
        var json = new JsonObject();
        foreach (var (number, name) in names)
            if (Field(fields, number) is { WireType: 2 } field && field.Bytes.Length > 0) json[name] = field.Text;
        return json;
    }

    /// <summary>The last occurrence of a field, as protobuf has a repeated scalar's last value win.</summary>
    private static ProtoField? Field(IReadOnlyList<ProtoField> fields, int number)
    {
        for (var i = fields.Count - 1; i >= 0; i--)
            if (fields[i].Number == number) return fields[i];
        return null;
    }
}
