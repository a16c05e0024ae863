using System.Text.Json;
using System.Text.Json.Nodes;
using Tutor.Core.Catalogue;
using Tutor.Core.Manifests;
using Tutor.Core.Tests.Catalogue;

namespace Tutor.Core.Tests.Manifests;

public class ManifestReaderTests
{
    private const string File = "manifests/x.yaml";

    private const string Stack = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: tutor
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vote
          labels: { app: vote, tier: "1" }
        spec:
          replicas: 3
          selector:
            matchLabels: { app: vote }
          template:
            metadata:
              labels: { app: vote }
            spec:
              containers:
                - name: vote
                  image: ghcr.io/example/vote:1.0
                  ports:
                    - containerPort: 80
                  resources:
                    requests: { cpu: 100m, memory: 64Mi }
                    limits: { cpu: 1 }
                  env:
                    - name: PORT
                      value: "80"
                    - name: EMPTY
                      value: null
        ---
        # nothing but a comment
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: vote
        spec:
          selector: { app: vote }
          ports:
            - port: 80
              targetPort: http
            - name: admin
              port: 8080
              targetPort: 8081
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: vote
          annotations:
            nginx.ingress.kubernetes.io/rewrite-target: /
        spec:
          rules:
            - host: vote.localtest.me
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: { name: vote, port: { number: 80 } }
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: "fast"
          port: "8080"
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        type: Opaque
        data:
          password: c2VjcmV0
        stringData:
          user: admin
        """;

    [Fact]
    public void A_multi_document_manifest_of_common_kinds_is_accepted()
    {
        var result = ManifestReader.Read(Stack, File);

        result.Errors.Should().BeEmpty();
        result.Ok.Should().BeTrue();
        result.Objects.Select(o => $"{o.Kind} {o.Name}").Should().Equal(
            "v1 Namespace tutor",
            "apps/v1 Deployment vote",
            "v1 Service vote",
            "networking.k8s.io/v1 Ingress vote",
            "v1 ConfigMap settings",
            "v1 Secret db");
        result.Objects.Should().OnlyContain(o => o.File == File && o.Namespace == null);
        result.Objects.Select(o => o.Line).Should().Equal(
            1,
            SourceText.LineOf(Stack, "kind: Deployment") - 1,
            SourceText.LineOf(Stack, "kind: Service") - 1,
            SourceText.LineOf(Stack, "kind: Ingress") - 1,
            SourceText.LineOf(Stack, "kind: ConfigMap") - 1,
            SourceText.LineOf(Stack, "kind: Secret") - 1);
    }

    [Fact]
    public void Scalars_keep_their_yaml_types_in_the_json_body()
    {
        var deployment = ManifestReader.Read(Stack, File).Objects[1].Body;

        var spec = deployment["spec"]!;
        spec["replicas"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        spec["replicas"]!.GetValue<long>().Should().Be(3);
        deployment["metadata"]!["labels"]!["tier"]!.GetValueKind().Should().Be(JsonValueKind.String);
        var container = spec["template"]!["spec"]!["containers"]![0]!;
        container["ports"]![0]!["containerPort"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        container["env"]![0]!["value"]!.GetValue<string>().Should().Be("80");
        container["env"]![1]!.AsObject().ContainsKey("value").Should().BeTrue();
        container["env"]![1]!["value"].Should().BeNull();
        container["resources"]!["requests"]!["cpu"]!.GetValue<string>().Should().Be("100m");

        var flags = ManifestReader.Read("apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostNetwork: true\n  terminationGracePeriodSeconds: 0x10\n  containers: []\n", File);
        flags.Objects[0].Body["spec"]!["hostNetwork"]!.GetValueKind().Should().Be(JsonValueKind.True);
        flags.Objects[0].Body["spec"]!["terminationGracePeriodSeconds"]!.GetValue<long>().Should().Be(16);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_line_and_nothing_is_read()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n data: x\n";

        var result = ManifestReader.Read(yaml, File);

        result.Ok.Should().BeFalse();
        result.Objects.Should().BeEmpty();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.File.Should().Be(File);
        error.Line.Should().Be(5);
        error.Message.Should().StartWith("invalid YAML");
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_near_where_it_was_left_open()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: [a,\n";

        var error = ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Subject;

        error.Message.Should().StartWith("invalid YAML");
        error.Line.Should().BeInRange(5, 6);
    }

    [Fact]
    public void A_duplicate_key_is_a_syntax_error()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n";

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.Line.Should().Be(5);
    }

    [Fact]
    public void An_unknown_kind_suggests_a_known_one()
    {
        var yaml = "apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: vote\n";

        var result = ManifestReader.Read(yaml, File);

        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            "manifests/x.yaml:2: unknown kind \"Deploymnet\" (did you mean \"Deployment\"?)");
    }

    [Fact]
    public void A_known_kind_under_the_wrong_api_version_names_the_right_one()
    {
        var yaml = "apiVersion: v1\nkind: Deployment\nmetadata:\n  name: vote\n";

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.Message.Should().Be(
            "apiVersion \"v1\" does not serve kind Deployment (use apps/v1)");
    }

    [Fact]
    public void A_misspelt_field_deep_in_the_spec_is_named_with_its_line_and_path()
    {
        var yaml = Stack.Replace("      containers:\n", "      contianers:\n");

        var result = ManifestReader.Read(yaml, File);

        result.Ok.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"manifests/x.yaml:{SourceText.LineOf(yaml, "contianers")}: unknown field \"contianers\" in spec.template.spec (did you mean \"containers\"?)");
        result.Objects.Select(o => o.Kind.Kind).Should().NotContain("Deployment", "a document with errors is not offered for applying");
        result.Objects.Should().HaveCount(5);
    }

    [Fact]
    public void Fields_inside_list_elements_are_named_by_the_element()
    {
        var yaml = Stack.Replace("          image: ghcr", "          imagePullPolicy: Always\n          imgae: ghcr");

        var error = ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Subject;

        error.Line.Should().Be(SourceText.LineOf(yaml, "imgae"));
        error.Message.Should().Be("unknown field \"imgae\" in spec.template.spec.containers[vote] (did you mean \"image\"?)");
    }

    [Fact]
    public void A_top_level_typo_names_the_kind()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndatta:\n  k: v\n";

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.Message.Should().Be(
            "unknown field \"datta\" in the ConfigMap (did you mean \"data\"?)");
    }

    [Fact]
    public void A_word_where_a_number_is_required_is_a_type_error()
    {
        var yaml = Stack.Replace("replicas: 3", "replicas: three");

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"manifests/x.yaml:{SourceText.LineOf(yaml, "three")}: field \"spec.replicas\" must be a whole number, found string \"three\"");
    }

    [Theory]
    [InlineData("replicas: \"3\"", "field \"spec.replicas\" must be a whole number, found string \"3\"")]
    [InlineData("replicas: 2.5", "field \"spec.replicas\" must be a whole number, found number \"2.5\"")]
    [InlineData("paused: maybe", "field \"spec.paused\" must be true or false, found string \"maybe\"")]
    [InlineData("selector: app=vote", "field \"spec.selector\" must be a map, found string \"app=vote\"")]
    public void Other_obvious_type_errors_are_reported(string line, string message)
    {
        var yaml = $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vote\nspec:\n  {line}\n";

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.Should().Be(new Diagnostic(File, 6, message));
    }

    [Fact]
    public void A_number_where_kubernetes_wants_a_string_must_be_quoted()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    version: 1.0\n";

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.Should().Be(new Diagnostic(File, 6,
            "field \"metadata.labels.version\" must be a string, found number 1.0 (put it in quotes: \"1.0\")"));
    }

    [Fact]
    public void Secret_data_must_be_base64()
    {
        var yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\ndata:\n  password: not base64!\n";

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.Message.Should().Contain("base64").And.Contain("stringData");
    }

    [Fact]
    public void Missing_identity_fields_are_each_reported()
    {
        var yaml = "kind: ConfigMap\nmetadata:\n  labels: { a: b }\n---\napiVersion: v1\nmetadata:\n  name: b\n---\napiVersion: v1\nkind: ConfigMap\n";

        var result = ManifestReader.Read(yaml, File);

        result.Objects.Should().BeEmpty();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            "manifests/x.yaml:1: missing required field \"apiVersion\"",
            "manifests/x.yaml:3: missing required field \"metadata.name\"",
            "manifests/x.yaml:5: missing required field \"kind\"",
            "manifests/x.yaml:9: missing required field \"metadata\" (with \"name\")");
    }

    [Fact]
    public void A_namespace_written_in_metadata_is_kept_for_the_caller_to_judge()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: prod\n";

        ManifestReader.Read(yaml, File).Objects.Should().ContainSingle().Which.Namespace.Should().Be("prod");
    }

    [Fact]
    public void A_file_of_only_empty_documents_reads_as_nothing()
    {
        var result = ManifestReader.Read("---\n# nothing yet\n---\n", File);

        result.Ok.Should().BeTrue();
        result.Objects.Should().BeEmpty();
    }

    [Fact]
    public void A_document_that_is_not_a_map_is_an_error()
    {
        ManifestReader.Read("- apiVersion: v1\n", File).Errors.Should().ContainSingle().Which.Message.Should().Contain("found a list");
    }

    [Fact]
    public void Add_on_kinds_in_their_own_api_group_are_accepted_without_field_checks()
    {
        var yaml = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: app\nspec:\n  url: https://example.org/app.git\n  interval: 1m\n";

        var result = ManifestReader.Read(yaml, File);

        result.Errors.Should().BeEmpty();
        result.Objects.Should().ContainSingle().Which.Kind.ToString().Should().Be("source.toolkit.fluxcd.io/v1 GitRepository");
    }

    [Theory]
    [InlineData("networking.k8s.oi/v1", "Ingress", "apiVersion \"networking.k8s.oi/v1\" does not serve kind Ingress (use networking.k8s.io/v1)")]
    [InlineData("networking.k8s.oi/v1", "Widget", "unknown apiVersion \"networking.k8s.oi/v1\" (did you mean \"networking.k8s.io\"?)")]
    [InlineData("app/v1", "Deployment", "apiVersion \"app/v1\" does not serve kind Deployment (use apps/v1)")]
    [InlineData("apps/v1", "Deployments", "unknown kind \"Deployments\" (did you mean \"Deployment\"?)")]
    public void Misspelt_built_in_api_groups_and_kinds_are_errors(string apiVersion, string kind, string message)
    {
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: x\n";

        ManifestReader.Read(yaml, File).Errors.Should().ContainSingle().Which.Message.Should().Be(message);
    }

    [Fact]
    public void An_explicit_string_tag_keeps_a_number_a_string()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  port: !!str 8080\n";

        var result = ManifestReader.Read(yaml, File);

        result.Errors.Should().BeEmpty();
        result.Objects[0].Body["data"]!["port"]!.GetValueKind().Should().Be(JsonValueKind.String);
    }

    [Fact]
    public void Metadata_that_is_not_a_map_is_reported_once()
    {
        ManifestReader.Read("apiVersion: v1\nkind: ConfigMap\nmetadata: settings\n", File).Errors.Select(e => e.ToString()).Should().Equal(
            "manifests/x.yaml:3: field \"metadata\" must be a map, found string \"settings\"");
        ManifestReader.Read("kind: ConfigMap\nmetadata: settings\n", File).Errors.Select(e => e.ToString()).Should().Equal(
            "manifests/x.yaml:1: missing required field \"apiVersion\"",
            "manifests/x.yaml:2: field \"metadata\" must be a map with \"name\"");
    }

    [Theory]
    [InlineData("yes", false)]
    [InlineData("Off", false)]
    [InlineData("\"yes\"", true)]
    [InlineData("yesterday", true)]
    public void Words_kubectl_reads_as_booleans_must_be_quoted_in_string_fields(string value, bool ok)
    {
        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  enabled: {value}\n";

        var result = ManifestReader.Read(yaml, File);

        result.Ok.Should().Be(ok);
        if (!ok) result.Errors.Should().ContainSingle().Which.Should().Be(new Diagnostic(File, 6,
            $"field \"data.enabled\": kubectl reads a plain {value} as a boolean; put it in quotes: \"{value}\""));
    }
}
