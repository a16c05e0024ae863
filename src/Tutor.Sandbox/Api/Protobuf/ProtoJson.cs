using System.Globalization;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>
/// Turns a protobuf message into the JSON object the API's JSON form would carry, driven by a <see cref="MessageSchema"/>.
/// Field numbers the schema does not know are skipped (their wire type still tells how far); a field whose wire type
/// does not fit its schema, or bytes that are not protobuf, are a 400 naming the field.
/// </summary>
public static class ProtoJson
{
    /// <summary>The message as JSON, added to <paramref name="into"/> when given; <paramref name="path"/> names it in errors.</summary>
    public static JsonObject Decode(MessageSchema schema, ReadOnlyMemory<byte> message, string path, JsonObject? into = null)
    {
        var json = into ?? new JsonObject();
        Into(json, schema, message, path);
        return json;
    }

    private static void Into(JsonObject target, MessageSchema schema, ReadOnlyMemory<byte> message, string path)
    {
        foreach (var field in ProtoReader.Fields(message))
        {
            if (schema.Find(field.Number) is not { } spec) continue;
            var at = $"{path}.{spec.Json}";
            if (spec.Inline)
            {
                Into(target, spec.Message!, LengthDelimited(field, at), path);
            }
            else if (spec.Map)
            {
                var (key, value) = Entry(spec, LengthDelimited(field, at), at);
                if (target[spec.Json] is not JsonObject map) target[spec.Json] = map = new JsonObject();
                map[key] = value;
            }
            else if (spec.Repeated)
            {
                if (target[spec.Json] is not JsonArray list) target[spec.Json] = list = new JsonArray();
                foreach (var item in Items(spec, field, at, list.Count)) list.Add(item);
            }
            else if (spec.Kind == FieldKind.Message)
            {
                // A message sent twice merges, as protobuf merges it.
                if (target[spec.Json] is not JsonObject nested) target[spec.Json] = nested = new JsonObject();
                Into(nested, spec.Message!, LengthDelimited(field, at), at);
            }
            else if (Scalar(spec, field, at, spec.KeepsZero) is { } value)
            {
                target[spec.Json] = value;
            }
            else
            {
                target.Remove(spec.Json);
            }
        }
    }

    private static IEnumerable<JsonNode?> Items(FieldSchema spec, ProtoField field, string path, int index)
    {
        // Numbers may come packed: one length-delimited field holding many varints.
        if (field.WireType == 2 && spec.Kind is FieldKind.Int32 or FieldKind.Int64 or FieldKind.Flag)
            return ProtoReader.Varints(field.Bytes).Select(v => Number(spec.Kind, v, keepZero: true)).ToList();
        var at = $"{path}[{index}]";
        return [spec.Kind == FieldKind.Message ? Decode(spec.Message!, LengthDelimited(field, at), at) : Scalar(spec, field, at, keepZero: true)];
    }

    private static (string Key, JsonNode? Value) Entry(FieldSchema spec, ReadOnlyMemory<byte> entry, string path)
    {
        var key = "";
        ProtoField? value = null;
        foreach (var field in ProtoReader.Fields(entry))
        {
            if (field.Number == 1) key = Text(LengthDelimited(field, path + " key"));
            else if (field.Number == 2) value = field;
        }

        var at = $"{path}[{key}]";
        // A missing value is the value's zero: an empty string or no bytes.
        return (key, value is { } v ? Scalar(spec, v, at, keepZero: true) : spec.Kind == FieldKind.Quantity ? "0" : "");
    }

    private static JsonNode? Scalar(FieldSchema spec, ProtoField field, string path, bool keepZero)
    {
        switch (spec.Kind)
        {
            case FieldKind.Text:
                var text = Text(LengthDelimited(field, path));
                return text.Length > 0 || keepZero ? text : null;
            case FieldKind.Bytes:
                return Convert.ToBase64String(LengthDelimited(field, path).Span);
            case FieldKind.Flag or FieldKind.Int32 or FieldKind.Int64:
                return Number(spec.Kind, Varint(field, path), keepZero);
            case FieldKind.IntOrString:
                return IntOrString(ProtoReader.Fields(LengthDelimited(field, path)), keepZero);
            case FieldKind.Quantity:
                var quantity = Last(ProtoReader.Fields(LengthDelimited(field, path)), 1) is { } q ? Text(LengthDelimited(q, path)) : "";
                return quantity.Length > 0 ? quantity : "0";
            case FieldKind.Time or FieldKind.MicroTime:
                return Time(ProtoReader.Fields(LengthDelimited(field, path)), spec.Kind == FieldKind.MicroTime, path);
            default:
                throw Malformed($"{path} is not a scalar");
        }
    }

    private static JsonNode? Number(FieldKind kind, ulong varint, bool keepZero)
    {
        if (varint == 0 && !keepZero) return null;
        return kind switch
        {
            FieldKind.Flag => varint != 0,
            // Negative numbers are sign-extended to ten bytes; the low 32 bits are the int32.
            FieldKind.Int32 => (int)(long)varint,
            _ => (long)varint,
        };
    }

    private static JsonNode? IntOrString(IReadOnlyList<ProtoField> fields, bool keepZero)
    {
        var isString = Last(fields, 1) is { WireType: 0, Varint: 1 };
        if (isString) return Last(fields, 3) is { WireType: 2 } s ? Text(s.Bytes) : "";
        var number = Last(fields, 2) is { WireType: 0 } i ? (int)(long)i.Varint : 0;
        return number != 0 || keepZero ? number : null;
    }

    private static JsonNode? Time(IReadOnlyList<ProtoField> fields, bool micro, string path)
    {
        var seconds = Last(fields, 1) is { WireType: 0 } s ? (long)s.Varint : 0;
        var nanos = Last(fields, 2) is { WireType: 0 } n ? (int)(long)n.Varint : 0;
        // The zero time is how Go writes a time that was never set; its JSON is null, so leave it out.
        if (seconds == 0 && nanos == 0) return null;
        if (seconds is < -62135596800 or > 253402300799 || nanos is < 0 or > 999_999_999) throw Malformed($"{path} is not a time");
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micro ? nanos / 1000 * 10 : 0);
        return time.UtcDateTime.ToString(micro ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static ProtoField? Last(IReadOnlyList<ProtoField> fields, int number)
    {
        for (var i = fields.Count - 1; i >= 0; i--)
            if (fields[i].Number == number) return fields[i];
        return null;
    }

    private static ReadOnlyMemory<byte> LengthDelimited(ProtoField field, string path) =>
        field.WireType == 2 ? field.Bytes : throw Malformed($"{path} has wire type {field.WireType}, expected 2 (length-delimited)");

    private static ulong Varint(ProtoField field, string path) =>
        field.WireType == 0 ? field.Varint : throw Malformed($"{path} has wire type {field.WireType}, expected 0 (varint)");

    private static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    private static ApiError Malformed(string why) => ApiError.BadRequest($"error decoding the request body as protobuf: {why}");
}
