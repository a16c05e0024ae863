namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>One field read off the protobuf wire: a varint, or the bytes of a length-delimited field.</summary>
public readonly record struct ProtoField(int Number, int WireType, ulong Varint, ReadOnlyMemory<byte> Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);
}
