namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>How a field's value is written on the wire and how it reads as JSON.</summary>
public enum FieldKind
{
    Text,
    Flag,
    Int32,
    Int64,
    /// <summary>Raw bytes; JSON carries them base64-encoded, as a Secret's data.</summary>
    Bytes,
    Message,
    /// <summary>intstr.IntOrString: a number or a string such as "25%".</summary>
    IntOrString,
    /// <summary>resource.Quantity: its canonical string, such as "500m".</summary>
    Quantity,
    /// <summary>meta/v1 Time: seconds and nanoseconds, written as an RFC 3339 time to the second.</summary>
    Time,
    /// <summary>meta/v1 MicroTime: as Time, to the microsecond.</summary>
    MicroTime,
}
