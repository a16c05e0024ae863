using Tutor.Core.Catalogue;

namespace Tutor.Core.Tests.Catalogue;

public class LessonTextTests
{
    private const string Markdown = """
        # Deployments

        A Deployment keeps *desired state*.

        ```bash
        kubectl get pods
        ```

        ## Step 1 — Replace the Pod with a Deployment

        Delete the Pod first:

        ```sh
        kubectl delete pod vote
        ```

        Then apply the manifest:

        ```yaml
        apiVersion: apps/v1
        kind: Deployment
        ```

        ```console
        $ kubectl get deployments
        NAME   READY   UP-TO-DATE
        vote   1/1     1
        $ kubectl rollout status deployment vote
        ```

        ## Step 2 — Scale to **three**

        ```text
        ## not a heading, just code
        ```

        > ## Quoted, not a step

        ```shell
        kubectl scale deployment vote \
          --replicas=3
        ```

        ### A smaller heading stays inside the step

        Done.
        """;

    [Fact]
    public void The_introduction_and_sections_are_exact_slices_of_the_source()
    {
        var text = LessonText.Parse(Markdown);

        (text.Introduction + string.Concat(text.Sections.Select(s => s.Markdown))).Should().Be(Markdown);
        text.Introduction.Should().StartWith("# Deployments").And.EndWith("```\n\n");
        text.Sections.Should().HaveCount(2);
        text.Sections[0].Markdown.Should().StartWith("## Step 1 — Replace the Pod with a Deployment\n");
        text.Sections[1].Markdown.Should().Contain("### A smaller heading stays inside the step").And.EndWith("Done.");
    }

    [Fact]
    public void Sections_are_keyed_by_heading_text_without_inline_marks()
    {
        var text = LessonText.Parse(Markdown);

        text.Headings.Should().Equal("Step 1 — Replace the Pod with a Deployment", "Step 2 — Scale to three");
        text.Section("Step 2 — Scale to three")!.Line.Should().Be(SourceText.LineOf(Markdown, "## Step 2"));
        text.Section("Step 3 — Missing").Should().BeNull();
    }

    [Fact]
    public void Shell_blocks_are_the_commands_of_their_section()
    {
        var text = LessonText.Parse(Markdown);

        text.IntroductionCommands.Select(c => c.Text).Should().Equal("kubectl get pods");
        text.Sections[0].Commands.Select(c => (c.Text, c.Language)).Should().Equal(
            ("kubectl delete pod vote", "sh"),
            ("kubectl get deployments\nkubectl rollout status deployment vote", "console"));
        text.Sections[0].Commands[0].Line.Should().Be(SourceText.LineOf(Markdown, "kubectl delete pod vote") - 1);
        text.Sections[1].Commands.Should().ContainSingle().Which.Text.Should().Be("kubectl scale deployment vote \\\n  --replicas=3");
    }

    [Fact]
    public void Setext_level_two_headings_split_too()
    {
        var text = LessonText.Parse("Intro.\n\nStep 1\n------\n\nBody.\n");

        text.Introduction.Should().Be("Intro.\n\n");
        text.Sections.Should().ContainSingle().Which.Heading.Should().Be("Step 1");
    }

    [Fact]
    public void A_text_without_steps_is_all_introduction()
    {
        var text = LessonText.Parse("# Only a title\n\nSome words.\n");

        text.Sections.Should().BeEmpty();
        text.Introduction.Should().Be("# Only a title\n\nSome words.\n");
    }

    [Fact]
    public void Carriage_returns_do_not_shift_the_slices()
    {
        var crlf = Markdown.Replace("\n", "\r\n");

        var text = LessonText.Parse(crlf);

        (text.Introduction + string.Concat(text.Sections.Select(s => s.Markdown))).Should().Be(crlf);
        text.Headings.Should().HaveCount(2);
        text.Sections[0].Commands[0].Text.Should().Be("kubectl delete pod vote");
    }

    [Fact]
    public void Commands_inside_lists_belong_to_their_section_and_other_languages_are_ignored()
    {
        var markdown = "## Try it\n\n1. Look:\n\n   ```Bash title=\"look\"\n   kubectl get pods\n   ```\n\n2. Read:\n\n   ```yaml\n   kind: Pod\n   ```\n\n    indented code is not a command\n";

        var section = LessonText.Parse(markdown).Sections.Should().ContainSingle().Subject;

        section.Commands.Should().ContainSingle().Which.Should().Be(new LessonCommand("kubectl get pods", "bash", 5));
    }
}
