namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>
/// Reads the protobuf wire format field by field, without a schema (<see cref="ProtoJson"/> brings the schema).
/// Malformed input is a 400, never a crash.
/// </summary>
public static class ProtoReader
{
    public static IReadOnlyList<ProtoField> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtoField>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var key = Varint(span, ref at);
            var number = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    fields.Add(new ProtoField(number, wire, Varint(span, ref at), ReadOnlyMemory<byte>.Empty));
                    break;
                case 1 or 5:
                    var size = wire == 1 ? 8 : 4;
                    if (at + size > span.Length) throw Malformed();
                    fields.Add(new ProtoField(number, wire, 0, message.Slice(at, size)));
                    at += size;
                    break;
                case 2:
                    var length = Varint(span, ref at);
                    if (length > (ulong)(span.Length - at)) throw Malformed();
                    fields.Add(new ProtoField(number, wire, 0, message.Slice(at, (int)length)));
                    at += (int)length;
                    break;
                default:
                    throw Malformed();
            }
        }

        return fields;
    }

    /// <summary>The values of a packed repeated number field: varints one after another.</summary>
    public static IReadOnlyList<ulong> Varints(ReadOnlyMemory<byte> packed)
    {
        var values = new List<ulong>();
        var span = packed.Span;
        var at = 0;
        while (at < span.Length) values.Add(Varint(span, ref at));
        return values;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= span.Length) throw Malformed();
            var b = span[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }

        throw Malformed();
    }

    private static ApiError Malformed() => ApiError.BadRequest("error decoding the request body as protobuf: the message is malformed");
}
