namespace Tutor.Tests.Kubectl;

/// <summary>
/// A shipped manifest that begins <c># Rendered: kubectl kustomize DIR</c> is what the learner's <c>kubectl apply -k DIR</c>
/// sends; Tutor applies the file, so it must stay exactly what kubectl renders from the folder beside it.
/// </summary>
public sealed class KustomizeRenderTests
{
    private const string Marker = "# Rendered: kubectl kustomize ";

    public static TheoryData<string> RenderedManifests()
    {
        var data = new TheoryData<string>();
        foreach (var file in Rendered()) data.Add(file);
        return data;
    }

    [Fact]
    public void The_kustomize_lessons_ship_rendered_manifests() =>
        Rendered().Should().Contain(["manifests/320-kustomize-base-overlays/step-2.yaml", "manifests/330-environment-overlays/step-1.solution.yaml"]);

    [SkippableTheory]
    [MemberData(nameof(RenderedManifests))]
    public void A_rendered_manifest_is_what_kubectl_kustomize_prints_for_its_folder(string relative)
    {
        var unavailable = KubectlSandbox.Unavailable;
        Skip.If(unavailable is not null, unavailable);
        var root = Engine.ShippedCatalogue.Root;
        var lines = File.ReadAllLines(Path.Combine(root, relative));
        var folder = lines[0][Marker.Length..].Trim();
        Directory.Exists(Path.Combine(root, folder)).Should().BeTrue($"{relative} names {folder} as its kustomization folder");

        var (code, output, error) = KubectlSandbox.Run(null, null, "kustomize", Path.Combine(root, folder));

        code.Should().Be(0, error);
        var rendered = string.Join("\n", lines.SkipWhile(l => l.StartsWith('#'))) + "\n";
        rendered.Should().Be(output, $"{relative} must be regenerated: {{ head -2 {relative}; kubectl kustomize {folder}; }} > new && mv new {relative}");
    }

    private static List<string> Rendered()
    {
        var root = Engine.ShippedCatalogue.Root;
        return Directory.GetFiles(Path.Combine(root, "manifests"), "*.yaml", SearchOption.AllDirectories)
            .Where(file => File.ReadLines(file).FirstOrDefault()?.StartsWith(Marker, StringComparison.Ordinal) == true)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
