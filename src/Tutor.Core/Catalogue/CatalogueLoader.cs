namespace Tutor.Core.Catalogue;

/// <summary>
/// Reads lessons.json into a <see cref="Catalogue"/>, reporting every problem with its line. The
/// format is in docs/authoring.md; lessons.schema.json describes the same fields for editors.
/// </summary>
public static class CatalogueLoader
{
    public const string FileName = "lessons.json";

    /// <summary>The fields each kind of object in lessons.json may have; the schema must agree.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KnownFields = new Dictionary<string, IReadOnlyList<string>>
    {
        ["catalogue"] = ["$schema", "levels", "lessons"],
        ["level"] = ["id", "title", "summary"],
        ["lesson"] = ["id", "level", "title", "minutes", "text", "requires", "setup", "steps"],
        ["requires"] = ["clusterWide", "addons", "optionalAddons"],
        ["step"] = ["title", "section", "manifest", "solution", "removes", "checks", "hints", "timeoutSeconds", "starterRefused"],
    };

    /// <summary>Add-ons a lesson may require; a cluster is checked for exactly these.</summary>
    public static readonly IReadOnlyList<string> KnownAddons = ["ingress-controller", "metrics-server", "network-policy", "flux"];

    /// <summary>Loads <c>&lt;root&gt;/lessons.json</c>.</summary>
    public static CatalogueLoadResult Load(string root)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
            return new CatalogueLoadResult(null, [new Diagnostic(FileName, 0, $"no {FileName} in {root}")]);
        return Parse(File.ReadAllText(path), root);
    }

    /// <summary>Reads catalogue JSON as if it were <c>&lt;root&gt;/lessons.json</c>.</summary>
    public static CatalogueLoadResult Parse(string json, string root)
    {
        var diagnostics = new List<Diagnostic>();
        JsonSourceNode document;
        try
        {
            document = JsonSourceParser.Parse(json);
        }
        catch (JsonSourceException ex)
        {
            return new CatalogueLoadResult(null, [new Diagnostic(FileName, ex.Line, ex.Message)]);
        }

        if (document.Kind != JsonSourceKind.Object)
            return new CatalogueLoadResult(null, [new Diagnostic(FileName, document.Line, $"the catalogue must be a JSON object, found {document.TypeName}")]);

        var fields = new JsonFieldReader(document, "the catalogue", KnownFields["catalogue"], FileName, diagnostics);
        fields.String("$schema", required: false);
        var levels = ReadLevels(fields.Node("levels", JsonSourceKind.Array, required: true), diagnostics);
        var lessons = ReadLessons(fields.Node("lessons", JsonSourceKind.Array, required: true), levels, diagnostics);

        var salvaged = new Catalogue(Path.GetFullPath(root), levels, lessons);
        var ordered = diagnostics.OrderBy(d => d.Line).ToList();
        return new CatalogueLoadResult(ordered.Count == 0 ? salvaged : null, ordered) { Salvaged = salvaged };
    }

    private static List<Level> ReadLevels(JsonSourceNode? array, List<Diagnostic> diagnostics)
    {
        var levels = new List<Level>();
        if (array is null) return levels;
        foreach (var item in array.Items)
        {
            if (!IsObject(item, "a level", diagnostics)) continue;
            var fields = new JsonFieldReader(item, "a level", KnownFields["level"], FileName, diagnostics);
            var id = fields.Integer("id", required: true);
            var title = fields.String("title", required: true);
            var summary = fields.String("summary", required: false) ?? "";
            if (id is null || title is null) continue;
            if (levels.FirstOrDefault(l => l.Id == id) is { } first)
            {
                fields.Fail(fields.LineOf("id"), $"level {id} is declared twice (first at line {first.Line})");
                continue;
            }
            levels.Add(new Level(id.Value, title, summary) { Line = item.Line });
        }
        if (array.Items.Count == 0)
            diagnostics.Add(new Diagnostic(FileName, array.Line, "\"levels\" is empty; declare at least one level"));
        return levels;
    }

    private static List<Lesson> ReadLessons(JsonSourceNode? array, List<Level> levels, List<Diagnostic> diagnostics)
    {
        var lessons = new List<Lesson>();
        if (array is null) return lessons;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (!IsObject(item, "a lesson", diagnostics)) continue;
            // Every lesson is kept, even a broken one, so the linter still checks the files it names;
            // the catalogue itself is only handed out when there is no problem at all.
            var lesson = ReadLesson(item, levels, diagnostics);
            lessons.Add(lesson);
            if (lesson.Id.Length == 0) continue;
            if (seen.TryGetValue(lesson.Id, out var firstLine))
                diagnostics.Add(new Diagnostic(FileName, lesson.Source.Of("id"), $"lesson id \"{lesson.Id}\" is used twice (first at line {firstLine})"));
            else
                seen[lesson.Id] = lesson.Source.Of("id");
        }
        return lessons;
    }

    private static Lesson ReadLesson(JsonSourceNode item, List<Level> levels, List<Diagnostic> diagnostics)
    {
        // Name the lesson by its id in every message when the id is readable at all.
        var rawId = item.Properties.FirstOrDefault(p => p.Name == "id")?.Value;
        var owner = rawId is { Kind: JsonSourceKind.String, String: { Length: > 0 } s } ? $"lesson \"{s}\"" : $"the lesson at line {item.Line}";

        var fields = new JsonFieldReader(item, owner, KnownFields["lesson"], FileName, diagnostics);
        var lines = new Dictionary<string, int>(fields.Lines);
        var id = fields.String("id", required: true);
        var level = fields.Integer("level", required: true);
        var title = fields.String("title", required: true);
        var minutes = fields.Integer("minutes", required: true);
        var text = fields.String("text", required: true);
        if (text is not null && !CheckPath(fields, "text", text, fields.LineOf("text"))) text = null;

        if (level is not null && levels.Count > 0 && levels.All(l => l.Id != level))
        {
            var declared = string.Join(", ", levels.Select(l => l.Id));
            fields.Fail(fields.LineOf("level"), $"level {level} of {owner} is not declared in \"levels\" (declared: {declared})");
        }
        if (minutes is <= 0)
            fields.Fail(fields.LineOf("minutes"), $"field \"minutes\" must be a positive number of minutes, found {minutes}");

        var requires = ReadRequirements(fields.Node("requires", JsonSourceKind.Object, required: false), owner, diagnostics);

        var setup = new List<string>();
        var setupItems = fields.Strings("setup", required: false) ?? [];
        for (var i = 0; i < setupItems.Count; i++)
        {
            if (!CheckPath(fields, "setup", setupItems[i].Value, setupItems[i].Line)) continue;
            setup.Add(setupItems[i].Value);
            lines[$"setup[{i}]"] = setupItems[i].Line;
        }

        var steps = new List<LessonStep>();
        if (fields.Node("steps", JsonSourceKind.Array, required: true) is { } stepArray)
        {
            if (stepArray.Items.Count == 0)
                fields.Fail(stepArray.Line, $"{owner} has no steps; a lesson needs at least one");
            for (var index = 0; index < stepArray.Items.Count; index++)
            {
                var stepNode = stepArray.Items[index];
                var number = index + 1;
                if (IsObject(stepNode, $"step {number} of {owner}", diagnostics))
                    steps.Add(ReadStep(stepNode, number, owner, diagnostics));
            }
        }

        // Unreadable fields become empty values; the diagnostics already keep the catalogue from use.
        return new Lesson(id ?? "", level ?? 0, title ?? "", minutes ?? 0, text ?? "", requires, setup, steps)
        {
            Source = new SourceLines(item.Line, lines),
        };
    }

    private static LessonRequirements ReadRequirements(JsonSourceNode? node, string owner, List<Diagnostic> diagnostics)
    {
        if (node is null) return LessonRequirements.None;
        var fields = new JsonFieldReader(node, $"\"requires\" of {owner}", KnownFields["requires"], FileName, diagnostics);
        var clusterWide = fields.Boolean("clusterWide") ?? false;
        return new LessonRequirements(clusterWide, ReadAddons(fields, "addons")) { OptionalAddons = ReadAddons(fields, "optionalAddons") };
    }

    private static List<string> ReadAddons(JsonFieldReader fields, string field)
    {
        var addons = new List<string>();
        foreach (var (addon, line) in fields.Strings(field, required: false) ?? [])
        {
            if (KnownAddons.Contains(addon))
                addons.Add(addon);
            else
                fields.Fail(line, $"unknown add-on \"{addon}\"{SpellingSuggestion.Hint(addon, KnownAddons)}; known: {string.Join(", ", KnownAddons)}");
        }
        return addons;
    }

    private static LessonStep ReadStep(JsonSourceNode node, int number, string lessonOwner, List<Diagnostic> diagnostics)
    {
        var owner = $"step {number} of {lessonOwner}";
        var fields = new JsonFieldReader(node, owner, KnownFields["step"], FileName, diagnostics);
        var title = fields.String("title", required: true);
        var section = fields.String("section", required: true);
        var manifest = fields.String("manifest", required: false);
        var solution = fields.String("solution", required: false);
        var checks = fields.String("checks", required: true);
        if (manifest is not null && !CheckPath(fields, "manifest", manifest, fields.LineOf("manifest"))) manifest = null;
        if (solution is not null && !CheckPath(fields, "solution", solution, fields.LineOf("solution"))) solution = null;
        if (checks is not null && !CheckPath(fields, "checks", checks, fields.LineOf("checks"))) checks = null;
        var hints = (fields.Strings("hints", required: false) ?? []).Select(h => h.Value).ToList();
        var timeout = fields.Integer("timeoutSeconds", required: false);
        if (timeout is <= 0) fields.Fail(fields.LineOf("timeoutSeconds"), "\"timeoutSeconds\" must be a positive number of seconds");
        var starterRefused = fields.Boolean("starterRefused") ?? false;
        if (starterRefused && manifest is null) fields.Fail(fields.LineOf("starterRefused"), "\"starterRefused\" needs a \"manifest\": it says the API server refuses that starter");
        var removes = new List<Checks.ResourceRef>();
        foreach (var (value, line) in fields.Strings("removes", required: false) ?? [])
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3) removes.Add(new Checks.ResourceRef(new Checks.ResourceKind(parts[0], parts[1]), parts[2]));
            else fields.Fail(line, $"\"removes\" entry \"{value}\" must read <apiVersion> <Kind> <name>, e.g. \"v1 Pod vote\"");
        }

        return new LessonStep(number, title ?? "", section ?? "", manifest, solution, checks ?? "", hints)
        {
            Source = new SourceLines(node.Line, fields.Lines),
            Removes = removes,
            TimeoutSeconds = timeout is > 0 ? timeout : null,
            StarterRefused = starterRefused,
        };
    }

    // Paths are relative to the catalogue root so the catalogue can move as a whole.
    private static bool CheckPath(JsonFieldReader fields, string field, string path, int line)
    {
        if (string.IsNullOrWhiteSpace(path))
            fields.Fail(line, $"field \"{field}\" must name a file");
        else if (Path.IsPathRooted(path) || path.StartsWith('/') || path.StartsWith('\\'))
            fields.Fail(line, $"field \"{field}\" must be relative to the catalogue root, found \"{path}\"");
        else if (path.Replace('\\', '/').Split('/').Contains(".."))
            fields.Fail(line, $"field \"{field}\" must stay inside the catalogue root, found \"{path}\"");
        else
            return true;
        return false;
    }

    private static bool IsObject(JsonSourceNode node, string what, List<Diagnostic> diagnostics)
    {
        if (node.Kind == JsonSourceKind.Object) return true;
        diagnostics.Add(new Diagnostic(FileName, node.Line, $"{what} must be an object, found {node.TypeName}"));
        return false;
    }
}
