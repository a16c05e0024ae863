using System.Text.Json.Nodes;
using Tutor.Core.Classroom;

namespace Tutor.Core.Tests.Classroom;

public class ClassroomReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static JsonObject Namespace(string classroom, string learner) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = ClassroomNames.LearnerNamespace(classroom, learner),
            ["labels"] = new JsonObject { [ClassroomNames.ClassroomLabel] = classroom, [ClassroomNames.LearnerLabel] = learner },
        },
    };

    private static JsonObject Pace(string classroom, string learner, string? unlockTo) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = ClassroomNames.ClassroomConfigMap,
            ["namespace"] = ClassroomNames.LearnerNamespace(classroom, learner),
            ["labels"] = new JsonObject { [ClassroomNames.ClassroomLabel] = classroom },
        },
        ["data"] = new JsonObject { [ClassroomNames.ClassroomKey] = classroom, [ClassroomNames.UnlockToKey] = unlockTo },
    };

    private static JsonObject Progress(string classroom, string learner, ClassroomProgressRecord record) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = ClassroomNames.ProgressConfigMap,
            ["namespace"] = ClassroomNames.LearnerNamespace(classroom, learner),
            ["labels"] = new JsonObject { [ClassroomNames.ClassroomLabel] = classroom },
        },
        ["data"] = new JsonObject { [ClassroomNames.ProgressKey] = ClassroomProgressJson.Write(record) },
    };

    private static ClassroomProgressRecord Record(string learner, string lesson, int step, DateTimeOffset? lastProgress, string? failing = null,
        DateTimeOffset? failingSince = null, params (string Lesson, int[] Steps)[] passed) => new()
    {
        Learner = learner, Lesson = lesson, Step = step, LastProgress = lastProgress, FailingCheck = failing, FailingSince = failingSince,
        Passed = passed.ToDictionary(p => p.Lesson, p => p.Steps), UpdatedAt = Now.AddMinutes(-1),
    };

    private static ClassroomRoom Room() => ClassroomRoom.From("k8s",
        [Namespace("k8s", "bob"), Namespace("k8s", "ada"), Namespace("k8s", "cy"), Namespace("other", "eve")],
        [
            Pace("k8s", "ada", "120"), Pace("k8s", "bob", "120"), Pace("k8s", "cy", "110"),
            Progress("k8s", "ada", Record("ada", "110", 2, Now.AddMinutes(-2), "Service web has endpoints", Now.AddMinutes(-1), ("101", [1, 2]), ("110", [1]))),
            Progress("k8s", "bob", Record("bob", "101", 2, Now.AddMinutes(-20), "Namespace exists", Now.AddMinutes(-9), ("101", [1]))),
            Progress("other", "eve", Record("eve", "130", 1, Now)),
        ]);

    [Fact]
    public void The_room_is_every_labelled_namespace_of_the_classroom_with_its_progress_and_the_most_common_pace()
    {
        var room = Room();
        room.Learners.Select(l => l.Name).Should().Equal("ada", "bob", "cy");
        room.Learners[0].Record!.Lesson.Should().Be("110");
        room.Learners[2].Record.Should().BeNull("cy's Tutor has not published anything yet");
        room.UnlockTo.Should().Be("120");
    }

    [Fact]
    public void Rows_tell_progress_from_being_stuck_and_from_idling()
    {
        var report = ClassroomReport.Build(Room(), Now, FiveMinutes);

        var ada = report.Rows[0];
        ada.Standing.Should().Be(LearnerStanding.OnTrack);
        ada.StepsDone.Should().Be(3);
        ada.FailingFor.Should().Be(TimeSpan.FromMinutes(1));

        var bob = report.Rows[1];
        bob.Standing.Should().Be(LearnerStanding.Stuck);
        bob.FailingCheck.Should().Be("Namespace exists");
        bob.FailingFor.Should().Be(TimeSpan.FromMinutes(9));

        report.Rows[2].Standing.Should().Be(LearnerStanding.Idle);
        report.Rows[2].Started.Should().BeFalse();
        (report.OnTrack, report.Stuck, report.Idle).Should().Be((1, 1, 1));
    }

    [Fact]
    public void The_stuck_threshold_is_the_callers()
    {
        var report = ClassroomReport.Build(Room(), Now, TimeSpan.FromMinutes(10));
        report.Rows[1].Standing.Should().Be(LearnerStanding.OnTrack, "bob's check has failed for 9 minutes: he came to this step 9 minutes ago");
        ClassroomReport.Build(Room(), Now, TimeSpan.FromSeconds(30)).Rows[0].Standing.Should().Be(LearnerStanding.Stuck);
    }

    [Fact]
    public void A_learner_with_nothing_failing_and_no_pass_for_long_is_idle()
    {
        var learner = new ClassroomLearner("dee", "k8s-dee", Record("dee", "101", 1, Now.AddMinutes(-30)), null);
        ClassroomReport.Row(learner, Now, FiveMinutes).Standing.Should().Be(LearnerStanding.Idle);
        ClassroomReport.Row(learner with { Record = Record("dee", "101", 1, Now.AddMinutes(-4)) }, Now, FiveMinutes).Standing.Should().Be(LearnerStanding.OnTrack);
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(45, "45s ago")]
    [InlineData(240, "4m ago")]
    [InlineData(7300, "2h ago")]
    [InlineData(3 * 86400 + 5, "3d ago")]
    public void Times_read_as_how_long_ago(int seconds, string expected) =>
        ClassroomReport.Ago(Now.AddSeconds(-seconds), Now).Should().Be(expected);

    [Fact]
    public void No_time_reads_as_never() => ClassroomReport.Ago(null, Now).Should().Be("never");
}
