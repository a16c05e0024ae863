using System.Text;

namespace Tutor.Sandbox.Tests.Api.Protobuf;

/// <summary>
/// Writes the protobuf wire format field by field, so tests build the exact bytes a client would send (zero values,
/// unknown fields, wrong wire types and all) instead of replaying captured blobs.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    public ProtoWriter Varint(int number, long value)
    {
        Key(number, 0);
        Raw((ulong)value);
        return this;
    }

    public ProtoWriter Bool(int number, bool value) => Varint(number, value ? 1 : 0);

    public ProtoWriter Text(int number, string value) => Bytes(number, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int number, byte[] value)
    {
        Key(number, 2);
        Raw((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public ProtoWriter Message(int number, Action<ProtoWriter> build)
    {
        var inner = new ProtoWriter();
        build(inner);
        return Bytes(number, inner.ToArray());
    }

    /// <summary>One entry of a <c>map&lt;string, string&gt;</c>.</summary>
    public ProtoWriter Entry(int number, string key, string value) => Message(number, e => e.Text(1, key).Text(2, value));

    public ProtoWriter Fixed64(int number, ulong value)
    {
        Key(number, 1);
        _bytes.AddRange(BitConverter.GetBytes(value));
        return this;
    }

    public ProtoWriter Fixed32(int number, uint value)
    {
        Key(number, 5);
        _bytes.AddRange(BitConverter.GetBytes(value));
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>Kubernetes' envelope: <c>k8s\0</c>, then runtime.Unknown with the type and the object's message as raw.</summary>
    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoWriter> raw) =>
        [0x6b, 0x38, 0x73, 0x00, .. new ProtoWriter().Message(1, t => t.Text(1, apiVersion).Text(2, kind)).Message(2, raw).ToArray()];

    private void Key(int number, int wireType) => Raw((ulong)((number << 3) | wireType));

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }
}
