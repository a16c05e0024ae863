namespace Tutor.Sandbox.Api.Protobuf;

/// <summary>A protobuf message of the Kubernetes API: its name and its fields by number.</summary>
public sealed class MessageSchema
{
    private readonly Dictionary<int, FieldSchema> _fields;

    public MessageSchema(string name, params FieldSchema[] fields)
    {
        Name = name;
        _fields = fields.ToDictionary(f => f.Number);
    }

    public string Name { get; }

    public IEnumerable<FieldSchema> Fields => _fields.Values;

    public FieldSchema? Find(int number) => _fields.GetValueOrDefault(number);
}
