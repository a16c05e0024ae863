using System.Text.Json.Nodes;

namespace Tutor.Tests.Cli;

/// <summary>A catalogue written to a temporary folder, one single-step lesson at a time, for verbs to run on.</summary>
internal sealed class TemporaryCatalogue : IDisposable
{
    private readonly JsonArray _lessons = [];

    public TemporaryCatalogue()
    {
        Root = Path.Combine(Path.GetTempPath(), "tutor-catalogue-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(Root, "lessons"));
        Directory.CreateDirectory(Path.Combine(Root, "manifests"));
        Write();
    }

    public string Root { get; }

    public TemporaryCatalogue Lesson(string id, string checks, string? solution = null, string? manifest = null, int? timeoutSeconds = null, bool starterRefused = false)
    {
        File.WriteAllText(Path.Combine(Root, "lessons", $"{id}.md"), $"# Lesson {id}\n\nIntroduction.\n\n## Step 1\n\nDo it.\n");
        var step = new JsonObject { ["title"] = "Step 1", ["section"] = "Step 1", ["checks"] = Put($"{id}.checks.yaml", checks) };
        if (solution is not null) step["solution"] = Put($"{id}.solution.yaml", solution);
        if (manifest is not null) step["manifest"] = Put($"{id}.yaml", manifest);
        if (timeoutSeconds is not null) step["timeoutSeconds"] = timeoutSeconds;
        if (starterRefused) step["starterRefused"] = true;
        _lessons.Add(new JsonObject
        {
            ["id"] = id, ["level"] = 100, ["title"] = $"Lesson {id}", ["minutes"] = 5, ["text"] = $"lessons/{id}.md",
            ["steps"] = new JsonArray(step),
        });
        Write();
        return this;
    }

    private string Put(string name, string contents)
    {
        File.WriteAllText(Path.Combine(Root, "manifests", name), contents);
        return $"manifests/{name}";
    }

    private void Write()
    {
        var catalogue = new JsonObject
        {
            ["levels"] = new JsonArray(new JsonObject { ["id"] = 100, ["title"] = "Level 100", ["summary"] = "Test lessons." }),
            ["lessons"] = _lessons.DeepClone(),
        };
        File.WriteAllText(Path.Combine(Root, "lessons.json"), catalogue.ToJsonString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
