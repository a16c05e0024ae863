using Tutor.Core.Classroom;

namespace Tutor.Core.Tests.Classroom;

public class LearnerRosterTests
{
    [Fact]
    public void Numbered_learners_are_learner_01_onwards()
    {
        LearnerRoster.Numbered(3).Should().Equal("learner-01", "learner-02", "learner-03");
        LearnerRoster.Numbered(100)[^1].Should().Be("learner-100");
    }

    [Fact]
    public void A_learners_file_gives_its_names_and_every_bad_line_as_file_and_line()
    {
        var result = LearnerRoster.Parse("# room 4\nada\n\nBob\ngrace \nada\n-x\nlin_us\n", "people.txt", "ws");

        result.Ok.Should().BeFalse();
        result.Learners.Should().Equal("ada", "grace");
        result.Errors.Select(e => e.ToString()).Should().Equal(
            "people.txt:4: learner \"Bob\" is not a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
            "people.txt:6: learner \"ada\" is already listed on line 2",
            "people.txt:7: learner \"-x\" is not a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
            "people.txt:8: learner \"lin_us\" is not a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
    }

    [Fact]
    public void A_learner_whose_namespace_would_not_fit_a_label_is_refused()
    {
        var classroom = new string('w', 40);
        LearnerRoster.LearnerProblem(classroom, new string('a', 22)).Should().BeNull("40 + 1 + 22 = 63");
        LearnerRoster.LearnerProblem(classroom, new string('a', 23)).Should().Contain("longer than 63 characters");
        LearnerRoster.Parse("\n# nobody\n", "empty.txt", "ws").Errors.Single().ToString().Should().Be("empty.txt: no learners listed (one name a line)");
        LearnerRoster.ClassroomProblem("Workshop").Should().Contain("not a DNS label");
        LearnerRoster.ClassroomProblem("ws-2026").Should().BeNull();
    }
}
