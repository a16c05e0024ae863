using System.Text.Json.Nodes;
using Tutor.Core.Catalogue;

namespace Tutor.Core.Tests.Catalogue;

/// <summary>The schema editors use and the loader must accept and reject the same fields.</summary>
public class LessonsSchemaTests
{
    private static readonly JsonObject Schema = LoadSchema();

    private static JsonObject LoadSchema()
    {
        // The schema lives at the repository root, next to lessons.json.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "lessons.schema.json")))
            directory = directory.Parent;
        directory.Should().NotBeNull("lessons.schema.json should be found above the test output");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "lessons.schema.json")))!.AsObject();
    }

    private static JsonObject Definition(string name) => name == "catalogue" ? Schema : Schema["$defs"]![name]!.AsObject();

    public static TheoryData<string> ObjectNames => new(CatalogueLoader.KnownFields.Keys);

    [Theory]
    [MemberData(nameof(ObjectNames))]
    public void The_schema_and_the_loader_know_the_same_fields(string objectName)
    {
        var schemaFields = Definition(objectName)["properties"]!.AsObject().Select(p => p.Key);

        schemaFields.Should().BeEquivalentTo(CatalogueLoader.KnownFields[objectName]);
    }

    [Fact]
    public void Every_object_in_the_schema_refuses_unknown_fields()
    {
        var objects = new[] { Schema }.Concat(Schema["$defs"]!.AsObject().Select(d => d.Value!.AsObject()))
            .Where(o => o["type"]?.GetValue<string>() == "object")
            .ToList();

        objects.Should().HaveCount(CatalogueLoader.KnownFields.Count);
        objects.Should().OnlyContain(o => o["additionalProperties"] != null && o["additionalProperties"]!.GetValue<bool>() == false);
    }

    [Fact]
    public void The_schema_lists_the_add_ons_the_loader_knows()
    {
        var addons = Definition("requires")["properties"]!["addons"]!["items"]!["enum"]!.AsArray().Select(a => a!.GetValue<string>());

        addons.Should().Equal(CatalogueLoader.KnownAddons);
    }

    // Removing each field of a valid sample shows which fields the loader requires; the schema's
    // "required" lists must say the same.
    [Theory]
    [InlineData("catalogue")]
    [InlineData("level")]
    [InlineData("lesson")]
    [InlineData("step")]
    public void The_schema_and_the_loader_require_the_same_fields(string objectName)
    {
        var schemaRequired = Definition(objectName)["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];

        foreach (var field in CatalogueLoader.KnownFields[objectName])
        {
            var sample = JsonNode.Parse(SampleCatalogue.Json)!.AsObject();
            var target = objectName switch
            {
                "catalogue" => sample,
                "level" => sample["levels"]![0]!.AsObject(),
                "lesson" => sample["lessons"]![0]!.AsObject(),
                _ => sample["lessons"]![0]!["steps"]![0]!.AsObject(),
            };
            target.ContainsKey(field).Should().BeTrue($"the sample {objectName} should use every field, including {field}");
            target.Remove(field);

            var diagnostics = CatalogueLoader.Parse(sample.ToJsonString(), "/catalogue").Diagnostics;

            var reportedMissing = diagnostics.Any(d => d.Message.EndsWith($"is missing required field \"{field}\""));
            reportedMissing.Should().Be(schemaRequired.Contains(field), $"the loader and the schema should agree whether {objectName}.{field} is required");
        }
    }
}
