using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Api.Tables;

/// <summary>One column of <c>kubectl get</c>: its header, type, whether only <c>-o wide</c> shows it, and how a cell is read.</summary>
public sealed record TableColumn(string Name, string Type, int Priority, Func<JsonObject, DateTimeOffset, JsonNode?> Cell)
{
    public static TableColumn Text(string name, Func<JsonObject, string?> cell, bool wide = false) =>
        new(name, "string", wide ? 1 : 0, (o, _) => cell(o) ?? "<none>");

    public static TableColumn Number(string name, Func<JsonObject, int> cell) => new(name, "integer", 0, (o, _) => cell(o));

    public static TableColumn AgeColumn => new("Age", "string", 0, (o, now) => Age.Of(o["metadata"]?["creationTimestamp"]?.GetValue<string>(), now));

    public static TableColumn NameColumn => Text("Name", o => o["metadata"]?["name"]?.GetValue<string>());
}
