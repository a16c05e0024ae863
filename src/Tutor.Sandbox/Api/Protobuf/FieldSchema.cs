namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>
/// One field of a message as Kubernetes' generated.proto numbers it, and the JSON name it has in the API's JSON form.
/// </summary>
public sealed record FieldSchema
{
    public FieldSchema(int number, string json, FieldKind kind, MessageSchema? message = null)
    {
        // Schemas are static tables: a nested message declared after its user would be null here, so fail at load.
        if (kind == FieldKind.Message && message is null) throw new ArgumentNullException(nameof(message), $"field {json} ({number}) names no message");
        Number = number;
        Json = json;
        Kind = kind;
        Message = message;
    }

    public int Number { get; }

    public string Json { get; }

    public FieldKind Kind { get; }

    public MessageSchema? Message { get; }

    public bool Repeated { get; init; }

    /// <summary>A <c>map&lt;string, V&gt;</c>: each entry is a message with the key as field 1 and the value as field 2.</summary>
    public bool Map { get; init; }

    /// <summary>Go embeds the struct: its fields appear in the parent's JSON object, not under a name of their own.</summary>
    public bool Inline { get; init; }

    /// <summary>
    /// The zero value means something: the Go field is a pointer, on the wire only when set (<c>replicas: 0</c>,
    /// <c>optional: false</c>), or its JSON has no <c>omitempty</c>. Go writes every other scalar even when it is zero,
    /// and the JSON form leaves such zeros out, so the decoder does too.
    /// </summary>
    public bool KeepsZero { get; init; }

    public FieldSchema KeepZero() => this with { KeepsZero = true };
}
