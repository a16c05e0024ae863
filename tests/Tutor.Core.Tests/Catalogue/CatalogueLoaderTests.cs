using Tutor.Core.Catalogue;

namespace Tutor.Core.Tests.Catalogue;

public class CatalogueLoaderTests
{
    private static CatalogueLoadResult Parse(string json) => CatalogueLoader.Parse(json, "/catalogue");

    private static string Replace(string original, string from, string to)
    {
        original.Should().Contain(from);
        return original.Replace(from, to);
    }

    [Fact]
    public void A_valid_catalogue_loads_with_levels_lessons_and_numbered_steps()
    {
        var result = Parse(SampleCatalogue.Json);

        result.Diagnostics.Should().BeEmpty();
        result.Ok.Should().BeTrue();
        var catalogue = result.Catalogue!;
        catalogue.Levels.Select(l => l.Id).Should().Equal(100, 200);
        catalogue.Levels[1].Summary.Should().BeEmpty();
        catalogue.Lessons.Select(l => l.Id).Should().Equal("120", "210");

        var lesson = catalogue.Find("120")!;
        lesson.Level.Should().Be(100);
        lesson.Minutes.Should().Be(15);
        lesson.Text.Should().Be("lessons/120-deployments.md");
        lesson.Requires.Addons.Should().Equal("metrics-server");
        lesson.Setup.Should().Equal("manifests/120-deployments/setup.yaml");
        lesson.Steps.Select(s => s.Number).Should().Equal(1, 2);
        lesson.Steps[0].Manifest.Should().Be("manifests/120-deployments/step-1.yaml");
        lesson.Steps[0].Hints.Should().Equal("First hint.", "Second hint.");
        lesson.Steps[1].Manifest.Should().BeNull();
        lesson.Steps[1].Hints.Should().BeEmpty();
        catalogue.Find("210")!.Requires.Should().Be(LessonRequirements.None);
    }

    [Fact]
    public void Loaded_entries_remember_the_lines_they_were_written_on()
    {
        var lesson = Parse(SampleCatalogue.Json).Catalogue!.Find("120")!;

        lesson.Source.Of("text").Should().Be(SourceText.LineOf(SampleCatalogue.Json, "\"text\": \"lessons/120-deployments.md\""));
        lesson.Source.Of("setup[0]").Should().Be(SourceText.LineOf(SampleCatalogue.Json, "\"setup\""));
        lesson.Steps[1].Source.Of("section").Should().Be(SourceText.LineOf(SampleCatalogue.Json, "Step 2 — Scale to three"));
    }

    [Fact]
    public void A_json_syntax_error_is_reported_with_its_line()
    {
        var json = Replace(SampleCatalogue.Json, "\"minutes\": 15,", "\"minutes\": 15");

        var result = Parse(json);

        result.Catalogue.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.File.Should().Be("lessons.json");
        error.Line.Should().Be(SourceText.LineOf(json, "lessons/120-deployments.md"), "the reader stops at the token after the missing comma");
        error.Message.Should().StartWith("invalid JSON").And.NotContain("LineNumber");
    }

    [Fact]
    public void A_field_of_the_wrong_type_names_the_field_and_both_types()
    {
        var json = Replace(SampleCatalogue.Json, "\"minutes\": 15,", "\"minutes\": \"fifteen\",");

        var result = Parse(json);

        result.Catalogue.Should().BeNull();
        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"lessons.json:{SourceText.LineOf(json, "fifteen")}: field \"minutes\" must be a number, found string");
    }

    [Fact]
    public void An_unknown_field_suggests_the_known_one()
    {
        var json = Replace(SampleCatalogue.Json, "\"steps\": [\n        { \"title\": \"Look\"", "\"stpes\": [\n        { \"title\": \"Look\"");

        var result = Parse(json);

        result.Diagnostics.Should().Contain(d =>
            d.Line == SourceText.LineOf(json, "\"stpes\"") &&
            d.Message.StartsWith("unknown field \"stpes\"") && d.Message.EndsWith("(did you mean \"steps\"?)"));
        result.Diagnostics.Should().Contain(d => d.Message == "lesson \"210\" is missing required field \"steps\"");
    }

    [Fact]
    public void An_unknown_field_in_a_step_is_reported_at_its_line()
    {
        var json = Replace(SampleCatalogue.Json, "\"hints\": [", "\"hnits\": [");

        var result = Parse(json);

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons.json", SourceText.LineOf(json, "hnits"),
            "unknown field \"hnits\" in step 1 of lesson \"120\" (did you mean \"hints\"?)"));
    }

    [Fact]
    public void A_missing_required_field_points_at_the_object_that_lacks_it()
    {
        var json = Replace(SampleCatalogue.Json, ",\n          \"checks\": \"manifests/120-deployments/step-2.checks.yaml\"", "");

        var result = Parse(json);

        var stepLine = SourceText.LineOf(json, "\"title\": \"Scale to three\"") - 1;
        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons.json", stepLine,
            "step 2 of lesson \"120\" is missing required field \"checks\""));
    }

    [Fact]
    public void A_lesson_id_used_twice_is_reported_at_the_second_use()
    {
        var json = Replace(SampleCatalogue.Json, "\"id\": \"210\"", "\"id\": \"120\"");

        var result = Parse(json);

        var lines = json.Split('\n').Select((l, i) => (l, i: i + 1)).Where(x => x.l.Contains("\"id\": \"120\"")).Select(x => x.i).ToList();
        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons.json", lines[1],
            $"lesson id \"120\" is used twice (first at line {lines[0]})"));
        result.Catalogue.Should().BeNull();
    }

    [Fact]
    public void A_level_that_is_not_declared_lists_the_declared_ones()
    {
        var json = Replace(SampleCatalogue.Json, "\"level\": 200,", "\"level\": 300,");

        var result = Parse(json);

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons.json", SourceText.LineOf(json, "\"level\": 300"),
            "level 300 of lesson \"210\" is not declared in \"levels\" (declared: 100, 200)"));
    }

    [Fact]
    public void Every_problem_is_reported_in_one_pass_in_line_order()
    {
        var json = Replace(SampleCatalogue.Json, "\"minutes\": 10,", "\"minutes\": 1.5,");
        json = Replace(json, "\"clusterWide\": false", "\"clusterWide\": \"no\"");
        json = Replace(json, "\"metrics-server\"", "\"metric-server\"");
        json = Replace(json, "\"summary\": \"Pods", "\"sumary\": \"Pods");
        json = Replace(json, "\"text\": \"lessons/210-quotas.md\"", "\"text\": \"/etc/passwd\"");

        var result = Parse(json);

        result.Catalogue.Should().BeNull();
        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"lessons.json:{SourceText.LineOf(json, "sumary")}: unknown field \"sumary\" in a level (did you mean \"summary\"?)",
            $"lessons.json:{SourceText.LineOf(json, "clusterWide")}: field \"clusterWide\" must be a boolean, found string",
            $"lessons.json:{SourceText.LineOf(json, "clusterWide")}: unknown add-on \"metric-server\" (did you mean \"metrics-server\"?); known: ingress-controller, metrics-server, network-policy, flux",
            $"lessons.json:{SourceText.LineOf(json, "1.5")}: field \"minutes\" must be a whole number, found 1.5",
            $"lessons.json:{SourceText.LineOf(json, "/etc/passwd")}: field \"text\" must be relative to the catalogue root, found \"/etc/passwd\"");
    }

    [Fact]
    public void Optional_add_ons_are_read_apart_from_required_ones_and_checked_by_name()
    {
        var json = Replace(SampleCatalogue.Json, "\"addons\": [\"metrics-server\"] }", "\"addons\": [], \"optionalAddons\": [\"flux\"] }");

        var lesson = Parse(json).Catalogue!.Find("120")!;
        var misspelt = Parse(Replace(json, "[\"flux\"]", "[\"flox\"]"));

        lesson.Requires.Addons.Should().BeEmpty();
        lesson.Requires.OptionalAddons.Should().Equal("flux");
        misspelt.Diagnostics.Select(d => d.Message).Should().ContainSingle().Which.Should().StartWith("unknown add-on \"flox\" (did you mean \"flux\"?)");
    }

    [Fact]
    public void Lessons_with_problems_are_still_salvaged_as_far_as_they_could_be_read()
    {
        var json = Replace(SampleCatalogue.Json, "\"minutes\": 15,", "\"minutes\": \"15\",");
        json = Replace(json, "\"checks\": \"manifests/210-quotas/step-1.checks.yaml\"", "\"checks\": \"/abs/step-1.checks.yaml\"");

        var result = Parse(json);

        result.Catalogue.Should().BeNull();
        var salvaged = result.Salvaged!.Lessons;
        salvaged.Select(l => l.Id).Should().Equal("120", "210");
        salvaged[0].Minutes.Should().Be(0);
        salvaged[0].Steps.Should().HaveCount(2);
        salvaged[1].Steps[0].Checks.Should().BeEmpty("a path outside the root is never handed on");
    }

    [Theory]
    [InlineData("[]", "the catalogue must be a JSON object, found array")]
    [InlineData("", "the file is empty; expected a JSON object")]
    [InlineData("{ \"levels\": [], \"lessons\": [] }", "\"levels\" is empty; declare at least one level")]
    [InlineData("{ \"levels\": [{ \"id\": 100, \"title\": \"A\" }] }", "the catalogue is missing required field \"lessons\"")]
    public void Malformed_documents_are_explained(string json, string message)
    {
        Parse(json).Diagnostics.Should().ContainSingle().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Comments_are_tolerated_but_trailing_content_is_not()
    {
        Parse("// the catalogue\n" + SampleCatalogue.Json).Ok.Should().BeTrue();
        var trailing = Parse(SampleCatalogue.Json + "\n}");
        trailing.Diagnostics.Should().ContainSingle().Which.Line.Should().Be(SampleCatalogue.Json.Split('\n').Length + 1);
    }

    [Fact]
    public void Load_reads_lessons_json_from_the_root()
    {
        using var temp = new TempCatalogue();
        CatalogueLoader.Load(temp.Root).Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("no lessons.json");

        temp.With("lessons.json", SampleCatalogue.Json);
        var result = CatalogueLoader.Load(temp.Root);
        result.Ok.Should().BeTrue();
        result.Catalogue!.PathOf("lessons/120-deployments.md").Should().Be(Path.Combine(temp.Root, "lessons", "120-deployments.md"));
    }

    [Fact]
    public void Steps_are_numbered_by_their_place_in_the_file_even_after_a_broken_one()
    {
        var json = Replace(SampleCatalogue.Json, "\"title\": \"Replace the Pod with a Deployment\",", "\"title\": 1,");
        json = Replace(json, "\"section\": \"Step 2 — Scale to three\",", "\"section\": \"Step 2 — Scale to three\", \"solutoin\": \"x.yaml\",");

        var result = Parse(json);

        result.Diagnostics.Select(d => d.Message).Should().Equal(
            "field \"title\" must be a string, found number",
            "unknown field \"solutoin\" in step 2 of lesson \"120\" (did you mean \"solution\"?)");
    }

    [Fact]
    public void A_byte_order_mark_does_not_shift_lines()
    {
        var json = Replace(SampleCatalogue.Json, "\"minutes\": 15,", "\"minutes\": null,");

        var result = Parse("\uFEFF" + json);

        result.Diagnostics.Should().ContainSingle().Which.Line.Should().Be(SourceText.LineOf(json, "\"minutes\": null"));
    }

    [Fact]
    public void A_step_time_budget_is_read_and_defaults_to_sixty_seconds()
    {
        var lesson = Parse(SampleCatalogue.Json).Catalogue!.Find("120")!;

        lesson.Steps[0].Timeout.Should().Be(TimeSpan.FromSeconds(90));
        lesson.Steps[1].Timeout.Should().Be(TimeSpan.FromSeconds(LessonStep.DefaultTimeoutSeconds));
    }

    [Fact]
    public void A_time_budget_of_zero_seconds_is_refused_with_its_line()
    {
        var result = Parse(Replace(SampleCatalogue.Json, "\"timeoutSeconds\": 90", "\"timeoutSeconds\": 0"));

        result.Ok.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(d => d.Message.Contains("timeoutSeconds") && d.Message.Contains("positive"));
    }

    [Fact]
    public void A_starter_refused_on_purpose_is_read_and_defaults_to_false()
    {
        var lesson = Parse(SampleCatalogue.Json).Catalogue!.Find("120")!;

        lesson.Steps[0].StarterRefused.Should().BeTrue();
        lesson.Steps[1].StarterRefused.Should().BeFalse();
    }

    [Fact]
    public void A_refused_starter_without_a_starter_is_refused_with_its_line()
    {
        var json = Replace(SampleCatalogue.Json, "\"checks\": \"manifests/120-deployments/step-2.checks.yaml\"",
            "\"checks\": \"manifests/120-deployments/step-2.checks.yaml\",\n      \"starterRefused\": true");
        var result = Parse(json);

        result.Ok.Should().BeFalse();
        var line = json.Split('\n').ToList().FindLastIndex(l => l.Contains("starterRefused")) + 1;
        result.Diagnostics.Should().ContainSingle(d => d.Message.Contains("\"starterRefused\" needs a \"manifest\"") && d.Line == line);
    }
}
