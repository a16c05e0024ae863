using Tutor.Core.Catalogue;

namespace Tutor.Core.Tests.Catalogue;

public class CatalogueLinterTests : IDisposable
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vote
        spec:
          replicas: 1
          selector:
            matchLabels: { app: vote }
          template:
            metadata:
              labels: { app: vote }
            spec:
              containers:
                - name: vote
                  image: vote:1
        """;

    private const string Checks = """
        - title: The vote Deployment exists
          resource: apps/v1 Deployment vote
          exists: true
        """;

    private readonly TempCatalogue _catalogue = new TempCatalogue()
        .With("lessons.json", SampleCatalogue.Json)
        .With("lessons/120-deployments.md", "# Deployments\n\nIntro.\n\n## Step 1 — Replace the Pod with a Deployment\n\nApply it.\n\n## Step 2 — Scale to three\n\nScale it.\n")
        .With("lessons/210-quotas.md", "# Quotas\n\n## Step 1 — Look\n\nLook around.\n")
        .With("manifests/120-deployments/setup.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: vote\nspec:\n  containers:\n    - name: vote\n      image: vote:1\n")
        .With("manifests/120-deployments/step-1.yaml", Deployment.Replace("replicas: 1", "replicas: 0"))
        .With("manifests/120-deployments/step-1.solution.yaml", Deployment)
        .With("manifests/120-deployments/step-1.checks.yaml", Checks)
        .With("manifests/120-deployments/step-2.checks.yaml", Checks)
        .With("manifests/210-quotas/step-1.checks.yaml", Checks);

    public void Dispose() => _catalogue.Dispose();

    private static int CatalogueLine(string fragment) => SourceText.LineOf(SampleCatalogue.Json, fragment);

    private IReadOnlyList<Diagnostic> Lint() => CatalogueLinter.Lint(_catalogue.Root);

    [Fact]
    public void Loader_problems_come_first_and_the_rest_is_still_linted()
    {
        _catalogue.With("lessons.json", SampleCatalogue.Json.Replace("\"minutes\": 10", "\"minutes\": \"ten\""))
            .Without("manifests/120-deployments/setup.yaml");

        Lint().Select(d => d.ToString()).Should().Equal(
            $"lessons.json:{CatalogueLine("setup.yaml")}: setup file of lesson \"120\" not found: manifests/120-deployments/setup.yaml",
            $"lessons.json:{CatalogueLine("\"minutes\": 10")}: field \"minutes\" must be a number, found string");
    }

    [Fact]
    public void A_missing_text_is_reported_at_the_field_that_names_it()
    {
        _catalogue.Without("lessons/210-quotas.md");

        Lint().Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons.json", CatalogueLine("210-quotas.md"),
            "text of lesson \"210\" not found: lessons/210-quotas.md"));
    }

    [Fact]
    public void A_section_that_is_not_a_heading_lists_the_headings_there_are()
    {
        _catalogue.With("lessons/120-deployments.md", "# Deployments\n\n## Step 1 — Replace the Pod with a Deployment\n\n## Step 2 — Scale to 3\n");

        Lint().Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons.json", CatalogueLine("\"section\": \"Step 2 — Scale to three\""),
            "section \"Step 2 — Scale to three\" of step 2 of lesson \"120\" is not a heading of the text " +
            "(headings in lessons/120-deployments.md: \"Step 1 — Replace the Pod with a Deployment\", \"Step 2 — Scale to 3\")"));
    }

    [Fact]
    public void Missing_manifest_and_solution_files_are_each_reported()
    {
        _catalogue.Without("manifests/120-deployments/step-1.yaml").Without("manifests/120-deployments/step-1.solution.yaml");

        Lint().Select(d => (d.Line, d.Message)).Should().Equal(
            (CatalogueLine("step-1.yaml\""), "manifest file of lesson \"120\" not found: manifests/120-deployments/step-1.yaml"),
            (CatalogueLine("step-1.solution.yaml"), "solution file of lesson \"120\" not found: manifests/120-deployments/step-1.solution.yaml"));
    }

    [Fact]
    public void Manifest_problems_are_reported_in_the_manifest_file_with_its_path_as_written()
    {
        _catalogue.With("manifests/120-deployments/step-1.solution.yaml", Deployment.Replace("containers:", "contianers:"))
            .With("manifests/120-deployments/setup.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: vote\n spec: {}\n");

        Lint().Select(d => d.ToString()).Should().Equal(
            "manifests/120-deployments/setup.yaml:5: invalid YAML: " +
                Tutor.Core.Manifests.ManifestReader.Read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: vote\n spec: {}\n", "x").Errors[0].Message["invalid YAML: ".Length..],
            $"manifests/120-deployments/step-1.solution.yaml:{SourceText.LineOf(Deployment, "containers:")}: unknown field \"contianers\" in spec.template.spec (did you mean \"containers\"?)");
    }

    [Fact]
    public void A_manifest_naming_another_namespace_is_an_error()
    {
        _catalogue.With("manifests/120-deployments/step-1.yaml", Deployment.Replace("  name: vote\nspec", "  name: vote\n  namespace: default\nspec"));

        Lint().Should().ContainSingle().Which.Should().Be(new Diagnostic("manifests/120-deployments/step-1.yaml", 1,
            "Deployment \"vote\" names namespace \"default\"; manifests never name a namespace (Tutor applies them into the learner's)"));
    }

    [Fact]
    public void The_learners_namespace_may_be_written_but_no_other()
    {
        var namespaces = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tutor\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
        _catalogue.With("manifests/120-deployments/setup.yaml", namespaces)
            .With("lessons.json", SampleCatalogue.Json.Replace("\"clusterWide\": false", "\"clusterWide\": true"));

        Lint().Should().ContainSingle().Which.Should().Be(new Diagnostic("manifests/120-deployments/setup.yaml", 6,
            "Namespace \"shop\": a lesson may only create the learner's namespace; name it \"tutor\""));
    }

    [Fact]
    public void A_missing_checks_file_is_reported_at_the_step()
    {
        _catalogue.Without("manifests/210-quotas/step-1.checks.yaml");

        Lint().Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons.json", CatalogueLine("210-quotas/step-1.checks.yaml"),
            "checks file of step 1 of lesson \"210\" not found: manifests/210-quotas/step-1.checks.yaml"));
    }

    [Fact]
    public void Diagnostics_are_sorted_by_file_then_line()
    {
        _catalogue.Without("lessons/210-quotas.md")
            .With("manifests/120-deployments/step-1.yaml", "apiVersion: v1\nkind: Podd\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata: {}\n")
            .With("lessons.json", SampleCatalogue.Json.Replace("\"title\": \"Shared clusters\"", "\"title\": \"Shared clusters\", \"colour\": 1"));

        var diagnostics = CatalogueLinter.Lint(_catalogue.Root);

        diagnostics.Should().HaveCountGreaterThan(3);
        diagnostics.Should().BeInAscendingOrder(d => d.File, StringComparer.Ordinal)
            .And.Subject.GroupBy(d => d.File).Should().OnlyContain(g => g.Select(d => d.Line).SequenceEqual(g.Select(d => d.Line).Order()));
    }

    [Fact]
    public void A_shared_setup_file_is_reported_once()
    {
        _catalogue.With("lessons.json", SampleCatalogue.Json.Replace(
                "\"text\": \"lessons/210-quotas.md\",", "\"text\": \"lessons/210-quotas.md\", \"setup\": [\"manifests/120-deployments/setup.yaml\"],"))
            .With("manifests/120-deployments/setup.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: vote\nspec:\n  containerz: []\n");

        Lint().Should().ContainSingle().Which.Line.Should().Be(6);
    }

    [Fact]
    public void Cluster_scoped_objects_need_cluster_wide_rights()
    {
        _catalogue.With("manifests/120-deployments/step-1.solution.yaml",
            Deployment + "\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n");

        Lint().Should().ContainSingle().Which.Should().Be(new Diagnostic("manifests/120-deployments/step-1.solution.yaml", Deployment.Split('\n').Length + 2,
            "ClusterRole \"reader\" is cluster-scoped; lesson \"120\" needs \"requires\": { \"clusterWide\": true } to create it"));

        _catalogue.With("lessons.json", SampleCatalogue.Json.Replace("\"clusterWide\": false", "\"clusterWide\": true"));
        Lint().Should().BeEmpty();
    }

    [Fact]
    public void A_step_heading_written_twice_is_ambiguous()
    {
        _catalogue.With("lessons/210-quotas.md", "# Quotas\n\n## Step 1 — Look\n\nOnce.\n\n## Step 1 — Look\n\nTwice.\n");

        Lint().Should().ContainSingle().Which.Should().Be(new Diagnostic("lessons/210-quotas.md", 7,
            "heading \"Step 1 — Look\" appears more than once, so step 1 of lesson \"210\" cannot tell which section is its own"));
    }

    [Fact]
    public void A_sound_catalogue_with_its_checks_has_nothing_to_report()
    {
        Lint().Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("# no checks yet\n")]
    [InlineData("[]\n")]
    public void A_step_without_checks_is_an_error(string checks)
    {
        _catalogue.With("manifests/210-quotas/step-1.checks.yaml", checks);

        var diagnostic = Lint().Should().ContainSingle().Subject;

        diagnostic.File.Should().BeOneOf("manifests/210-quotas/step-1.checks.yaml", "lessons.json");
        diagnostic.Line.Should().BePositive();
        diagnostic.Message.Should().MatchRegex("(empty|no checks)");
    }

    [Fact]
    public void Problems_in_a_checks_file_are_reported_with_its_path_and_line()
    {
        _catalogue.With("manifests/120-deployments/step-2.checks.yaml", Checks + "\n- title: Misspelt\n  resorce: v1 Pod vote\n  exists: true\n");

        var diagnostics = Lint();

        diagnostics.Should().NotBeEmpty();
        diagnostics.Should().OnlyContain(d => d.File == "manifests/120-deployments/step-2.checks.yaml");
        diagnostics.Should().Contain(d => d.Line == SourceText.LineOf(Checks + "\n- title: Misspelt\n  resorce: v1 Pod vote\n", "resorce") && d.Message.Contains("resorce"));
    }

    [Fact]
    public void The_files_of_a_lesson_with_a_broken_entry_are_still_linted()
    {
        _catalogue.With("lessons.json", SampleCatalogue.Json.Replace("\"minutes\": 15", "\"minutes\": \"fifteen\"").Replace("\"hints\"", "\"hintz\""))
            .With("manifests/120-deployments/step-1.yaml", Deployment.Replace("containers:", "contianers:"))
            .Without("lessons/120-deployments.md");

        Lint().Select(d => $"{d.File}:{d.Message.Split(' ')[0]}").Should().Equal(
            "lessons.json:field",
            "lessons.json:text",
            "lessons.json:unknown",
            "manifests/120-deployments/step-1.yaml:unknown");
    }
}
