using Tutor.Core.Progress;
using Tutor.Engine;
using Tutor.Tui;

namespace Tutor.Tests.Engine;

public class PendingEngineTests
{
    private static TutorState Waiting() => TutorEngine.Waiting(ShippedCatalogue.Files(), LearnerProgress.Empty,
        new ConnectionStatus("tutor-sandbox", "tutor", ConnectionState.Connecting, null, Simulated: true), "starting the sandbox…");

    [Fact]
    public void Before_the_engine_starts_the_learners_step_shows_as_connecting()
    {
        var pending = new PendingEngine(Waiting(), new TaskCompletionSource<TutorEngine>().Task);

        pending.State.Step!.LessonId.Should().Be("101");
        pending.State.Step.Markdown.Should().Contain("Meet your cluster");
        pending.State.Checks.Should().NotBeEmpty().And.OnlyContain(c => c.Verdict == null);
        pending.State.Connection.State.Should().Be(ConnectionState.Connecting);
        pending.State.Busy.Should().Be("starting the sandbox…");
    }

    [Fact]
    public async Task A_failed_start_is_shown_as_lost_with_the_reason_and_keys_do_nothing()
    {
        var start = new TaskCompletionSource<TutorEngine>();
        var pending = new PendingEngine(Waiting(), start.Task);
        var changed = new TaskCompletionSource();
        pending.Changed += (_, _) => changed.TrySetResult();

        start.SetException(new IOException("address already in use"));
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await pending.ApplyAsync();

        pending.State.Connection.State.Should().Be(ConnectionState.Lost);
        pending.State.Message.Should().Contain("address already in use");
        pending.State.Busy.Should().BeNull();
    }
}
