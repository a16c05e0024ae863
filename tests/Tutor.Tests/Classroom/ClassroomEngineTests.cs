using k8s;
using Tutor.Core.Classroom;
using Tutor.Core.Progress;
using Tutor.Engine;
using Tutor.Sandbox;
using Tutor.Tests.Cluster;
using Tutor.Tests.Engine;
using Tutor.Tui;

namespace Tutor.Tests.Classroom;

/// <summary>A learner's Tutor in a classroom, against a sandbox where the room was made by hand.</summary>
public sealed class ClassroomEngineTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset Then = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly LearnerProgress After101 = LearnerProgress.Empty.MarkPassed("101", 1, Then).MarkPassed("101", 2, Then).MoveTo("110", 1, Then);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "tutor-classroom-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxServer _server = null!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
    }

    private (TutorEngine Engine, ClusterSession Session) Start(LearnerProgress progress, string ns)
    {
        var session = new ClusterSession(SandboxCluster.Connect(_server), "tutor-sandbox", ns, simulated: true);
        return (new TutorEngine(ShippedCatalogue.Files(), session, new ProgressStore(_state), progress) { ClassroomDebounce = TimeSpan.FromMilliseconds(100) }, session);
    }

    private static async Task<TutorState> WaitForAsync(TutorEngine engine, Func<TutorState, bool> condition)
    {
        var changed = new SemaphoreSlim(0);
        engine.Changed += (_, _) => changed.Release();
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition(engine.State)) await changed.WaitAsync(deadline.Token);
        return engine.State;
    }

    private async Task<ClassroomProgressRecord> WaitForRecordAsync(string learner, Func<ClassroomProgressRecord, bool> condition)
    {
        using var session = new ClusterSession(SandboxCluster.Connect(_server), "x", "x", true);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var record = await ClassroomRoomFixture.ReadProgressAsync(session.Connection.Client, "k8s", learner);
            if (record is not null && condition(record)) return record;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no progress record as expected; last: {record}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Lessons_after_the_pace_wait_for_the_instructor_and_a_new_pace_arrives_by_the_watch()
    {
        var (engine, session) = Start(After101, await ClassroomRoomFixture.AddLearnerAsync(SandboxCluster.Connect(_server).Client, "k8s", "ada", "110"));
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        await engine.ClassroomJoined;

        engine.State.Classroom.Should().Be(new ClassroomPace("k8s", "110"));
        HeaderText.Title(engine.State.Connection, GlyphSet.Unicode, engine.State.Classroom).Should().Contain("classroom k8s · paced to 110");
        var waiting = engine.State.ProgressOf("120");
        waiting.Mark.Should().Be(LessonMark.Locked);
        waiting.Waiting.Should().BeTrue();
        waiting.LockedReason.Should().Contain("waiting for the instructor");
        engine.State.ProgressOf("110").Mark.Should().NotBe(LessonMark.Locked);

        await engine.ApplySolutionAsync();
        await WaitForAsync(engine, s => s.Step!.Done);
        await engine.NextStepAsync();
        await engine.ApplySolutionAsync();
        await WaitForAsync(engine, s => s.Step is { Number: 2, Done: true });
        await engine.NextStepAsync();
        engine.State.Step!.LessonId.Should().Be("110", "lesson 120 waits for the instructor");
        engine.State.Message.Should().Contain("Lesson 120 is waiting for the instructor");

        await ClassroomRoomFixture.SetPaceAsync(session.Connection.Client, "k8s", "ada", "120");
        var opened = await WaitForAsync(engine, s => s.Classroom?.UnlockTo == "120");
        opened.ProgressOf("120").Mark.Should().Be(LessonMark.Open);
        opened.Message.Should().Contain("opened lessons up to 120");
        await engine.NextStepAsync();
        engine.State.Step!.LessonId.Should().Be("120");
    }

    [Fact]
    public async Task Progress_is_published_on_change_with_the_failing_check_and_not_while_idle()
    {
        var (engine, session) = Start(After101, await ClassroomRoomFixture.AddLearnerAsync(SandboxCluster.Connect(_server).Client, "k8s", "bob", null));
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        await engine.ClassroomJoined;

        var failing = await WaitForRecordAsync("bob", r => r.FailingCheck is not null);
        failing.Learner.Should().Be("bob");
        failing.Lesson.Should().Be("110");
        failing.Step.Should().Be(1);
        failing.Passed["101"].Should().Equal(1, 2);
        failing.FailingSince.Should().NotBeNull();

        // Idle on a failing step: nothing changes, so nothing is written and no request is made.
        var writes = engine.Classroom!.Publisher.Writes;
        await Task.Delay(500);
        var requests = _server.RequestCount;
        await Task.Delay(TimeSpan.FromSeconds(2));
        (_server.RequestCount - requests).Should().Be(0, "an idle learner in a classroom makes no requests");
        engine.Classroom.Publisher.Writes.Should().Be(writes);

        await engine.ApplySolutionAsync();
        var passed = await WaitForRecordAsync("bob", r => r.Passed.ContainsKey("110"));
        passed.Passed["110"].Should().Equal(1);
        passed.LastProgress.Should().NotBeNull();
        passed.FailingCheck.Should().BeNull();
        (await SandboxCluster.Connect(_server).Client.CoreV1.ReadNamespacedConfigMapAsync(ClassroomNames.ProgressConfigMap, "k8s-bob"))
            .Metadata.Labels.Should().Contain(ClassroomNames.ClassroomLabel, "k8s");
    }

    [Fact]
    public async Task A_learner_on_their_own_is_in_no_classroom_and_publishes_nothing()
    {
        var (engine, session) = Start(After101, "tutor-solo");
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        await engine.ClassroomJoined;

        engine.Classroom.Should().BeNull();
        engine.State.Classroom.Should().BeNull();
        engine.State.ProgressOf("110").Waiting.Should().BeFalse();
    }

    [Fact]
    public async Task A_lesson_reset_keeps_what_the_classroom_provisioned()
    {
        var ns = await ClassroomRoomFixture.AddLearnerAsync(SandboxCluster.Connect(_server).Client, "k8s", "cy", "160");
        var (engine, session) = Start(After101, ns);
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        await engine.ClassroomJoined;
        await WaitForRecordAsync("cy", _ => true);

        await engine.ResetLessonAsync();

        engine.State.Message.Should().Contain("Lesson 110 reset");
        var client = session.Connection.Client;
        (await client.CoreV1.ReadNamespacedConfigMapAsync(ClassroomNames.ClassroomConfigMap, ns)).Data[ClassroomNames.UnlockToKey].Should().Be("160");
        (await ClassroomRoomFixture.ReadProgressAsync(client, "k8s", "cy")).Should().NotBeNull();
    }
}
