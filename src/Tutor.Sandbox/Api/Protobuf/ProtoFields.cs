namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>Short constructors for the schema tables, so each message reads like its generated.proto.</summary>
public static class ProtoFields
{
    public static FieldSchema Text(int number, string json) => new(number, json, FieldKind.Text);

    public static FieldSchema Texts(int number, string json) => new(number, json, FieldKind.Text) { Repeated = true };

    public static FieldSchema Flag(int number, string json) => new(number, json, FieldKind.Flag);

    public static FieldSchema Int32(int number, string json) => new(number, json, FieldKind.Int32);

    public static FieldSchema Int32s(int number, string json) => new(number, json, FieldKind.Int32) { Repeated = true };

    public static FieldSchema Int64(int number, string json) => new(number, json, FieldKind.Int64);

    public static FieldSchema Int64s(int number, string json) => new(number, json, FieldKind.Int64) { Repeated = true };

    public static FieldSchema IntOrString(int number, string json) => new(number, json, FieldKind.IntOrString);

    public static FieldSchema Quantity(int number, string json) => new(number, json, FieldKind.Quantity);

    public static FieldSchema Time(int number, string json) => new(number, json, FieldKind.Time);

    public static FieldSchema MicroTime(int number, string json) => new(number, json, FieldKind.MicroTime);

    public static FieldSchema Message(int number, string json, MessageSchema message) => new(number, json, FieldKind.Message, message);

    public static FieldSchema Messages(int number, string json, MessageSchema message) => new(number, json, FieldKind.Message, message) { Repeated = true };

    public static FieldSchema Inline(int number, MessageSchema message) => new(number, message.Name, FieldKind.Message, message) { Inline = true };

    public static FieldSchema TextMap(int number, string json) => new(number, json, FieldKind.Text) { Map = true };

    public static FieldSchema BytesMap(int number, string json) => new(number, json, FieldKind.Bytes) { Map = true };

    public static FieldSchema QuantityMap(int number, string json) => new(number, json, FieldKind.Quantity) { Map = true };
}
