using Terminal.Gui.Views;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class StepTextTests
{
    [Fact]
    public void The_frame_title_names_lesson_and_step()
    {
        var state = SampleState.OnDeployments();

        StepText.FrameTitle(state, GlyphSet.Unicode).Should().Be("120 · Deployments — step 2/3");
        StepText.FrameTitle(state with { Step = state.Step! with { Done = true } }, GlyphSet.Ascii).Should().Be("120 | Deployments - step 2/3 +");
        StepText.FrameTitle(state with { Step = null }, GlyphSet.Unicode).Should().Be("Tutor");
    }

    [Fact]
    public void The_document_ends_with_the_manifest_as_a_yaml_block()
    {
        var step = SampleState.OnDeployments().Step!;

        var document = StepText.Document(step);

        document.Should().StartWith("## Step 2 — Scale to three");
        document.Should().Contain("`manifests/120-deployments/step-2.yaml`");
        document.Should().Contain("```yaml\napiVersion: apps/v1\n");
        document.TrimEnd().Should().EndWith("replicas: 3\n```");
    }

    [Fact]
    public void A_step_without_manifest_is_just_its_text()
    {
        var step = SampleState.OnDeployments().Step! with { ManifestYaml = null, ManifestPath = null };

        StepText.Document(step).Should().NotContain("```").And.NotContain("Manifest");
    }

    [Fact]
    public void Backticks_in_the_manifest_get_a_longer_fence()
    {
        var step = SampleState.OnDeployments().Step! with { ManifestYaml = "data:\n  readme: |\n    ```sh\n    ls\n    ```\n" };

        StepText.Document(step).Should().Contain("````yaml\n").And.EndWith("````\n");
    }

    [Fact]
    public void Terminal_Gui_renders_the_document_with_the_manifest()
    {
        var ansi = new Markdown().RenderToAnsi(StepText.Document(SampleState.OnDeployments().Step!), 70);

        ansi.Should().Contain("Scale to three").And.Contain("replicas").And.Contain("apiVersion");
        ansi.Should().NotContain("```");
    }
}
