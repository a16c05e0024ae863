namespace Tutor.Sandbox.Api;

/// <summary>One reason a request is invalid, with the field path a real API server would name.</summary>
public sealed record FieldCause(string Field, string Message, string Reason = "FieldValueInvalid")
{
    public static FieldCause Required(string field) => new(field, "Required value", "FieldValueRequired");

    public static FieldCause Immutable(string field) => new(field, "field is immutable", "FieldValueInvalid");

    public static FieldCause NotSupported(string field, string value, IEnumerable<string> allowed) =>
        new(field, $"Unsupported value: \"{value}\": supported values: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}", "FieldValueNotSupported");
}
