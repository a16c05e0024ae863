using System.Text;
using System.Text.Json.Nodes;
using Tutor.Core.Classroom;
using Tutor.Sandbox;
using Tutor.Tests.Cli;
using Tutor.Tests.Cluster;

namespace Tutor.Tests.Classroom;

/// <summary><c>tutor classroom status</c> against a sandbox holding a room made by hand.</summary>
public sealed class ClassroomStatusTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();
    private SandboxServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(300) });
        _cli.WriteKubeconfig(_server.Kubeconfig());
        var client = SandboxCluster.Connect(_server).Client;
        var now = DateTimeOffset.UtcNow;
        foreach (var learner in new[] { "ada", "bob", "cy" }) await ClassroomRoomFixture.AddLearnerAsync(client, "k8s", learner, "120");
        await ClassroomRoomFixture.AddLearnerAsync(client, "other", "eve", null);
        await ClassroomRoomFixture.WriteProgressAsync(client, "k8s", new ClassroomProgressRecord
        {
            Learner = "ada", Lesson = "110", Step = 2, Passed = new Dictionary<string, int[]> { ["101"] = [1, 2], ["110"] = [1] },
            LastProgress = now.AddMinutes(-4), UpdatedAt = now,
        });
        await ClassroomRoomFixture.WriteProgressAsync(client, "k8s", new ClassroomProgressRecord
        {
            Learner = "bob", Lesson = "101", Step = 2, Passed = new Dictionary<string, int[]> { ["101"] = [1] },
            LastProgress = now.AddMinutes(-20), FailingCheck = "Namespace has the label environment=learning", FailingSince = now.AddMinutes(-9), UpdatedAt = now,
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task The_table_shows_every_learner_of_the_room_with_where_they_are_and_who_is_stuck()
    {
        var (exit, output, error) = await _cli.RunAsync("classroom", "status", "--name", "k8s");

        exit.Should().Be(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("classroom k8s · paced to 120 · 3 learners: 1 on track, 1 stuck, 1 idle");
        lines[1].Should().StartWith("LEARNER").And.Contain("LESSON·STEP").And.Contain("LAST PROGRESS").And.Contain("STUCK");
        lines.Should().Contain(l => l.StartsWith("ada ") && l.Contains("110·2") && l.Contains("3/") && l.Contains("4m ago"));
        lines.Should().Contain(l => l.StartsWith("bob ") && l.Contains("9m on Namespace has the label environment=learning"));
        lines.Should().Contain(l => l.StartsWith("cy ") && l.Contains("not started"));
        output.Should().NotContain("eve", "eve is in another classroom");
    }

    [Fact]
    public async Task Json_lists_the_learners_and_the_stuck_threshold_is_an_option()
    {
        var (exit, output, error) = await _cli.RunAsync("classroom", "status", "--name", "k8s", "--output", "json", "--stuck-after", "10m");

        exit.Should().Be(0, error);
        var report = JsonNode.Parse(output)!;
        report["classroom"]!.GetValue<string>().Should().Be("k8s");
        report["unlockTo"]!.GetValue<string>().Should().Be("120");
        report["stuckAfterSeconds"]!.GetValue<int>().Should().Be(600);
        var learners = report["learners"]!.AsArray();
        learners.Select(l => l!["learner"]!.GetValue<string>()).Should().Equal("ada", "bob", "cy");
        var bob = learners[1]!;
        bob["stuck"]!.GetValue<bool>().Should().BeFalse("9 minutes is under the 10 given");
        bob["failingCheck"]!.GetValue<string>().Should().Contain("environment=learning");
        bob["passed"]!["101"]!.AsArray().Select(s => s!.GetValue<int>()).Should().Equal(1);
        learners[2]!["lesson"].Should().BeNull();
    }

    [Fact]
    public async Task Bad_names_and_durations_are_refused_before_the_cluster_is_asked()
    {
        var badName = await _cli.RunAsync("classroom", "status", "--name", "K8S_101");
        badName.Exit.Should().Be(2);
        badName.Error.Should().Contain("--name").And.Contain("K8S_101");

        var badDuration = await _cli.RunAsync("classroom", "status", "--name", "k8s", "--stuck-after", "soon");
        badDuration.Exit.Should().Be(2);
        badDuration.Error.Should().Contain("--stuck-after");
    }

    [Fact]
    public async Task Watch_prints_again_when_a_learner_progresses_and_makes_no_request_while_the_room_is_quiet()
    {
        var output = new SyncWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = _cli.RunAsync(output, stop.Token, "classroom", "status", "--name", "k8s", "--watch", "--output", "json");
        await WaitForAsync(() => output.Lines.Count >= 1);
        JsonNode.Parse(output.Lines[0])!["learners"]!.AsArray().Should().HaveCount(3);

        // Quiet room: the open watches make no requests.
        await Task.Delay(500);
        var requests = _server.RequestCount;
        await Task.Delay(TimeSpan.FromSeconds(2));
        (_server.RequestCount - requests).Should().Be(0);
        output.Lines.Should().HaveCount(1, "nothing changed, so nothing is printed again");

        await ClassroomRoomFixture.WriteProgressAsync(SandboxCluster.Connect(_server).Client, "k8s", new ClassroomProgressRecord
        {
            Learner = "cy", Lesson = "101", Step = 1, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await WaitForAsync(() => output.Lines.Count >= 2);
        var cy = JsonNode.Parse(output.Lines[^1])!["learners"]!.AsArray().Single(l => l!["learner"]!.GetValue<string>() == "cy")!;
        cy["lesson"]!.GetValue<string>().Should().Be("101");

        await stop.CancelAsync();
        (await running.WaitAsync(TimeSpan.FromSeconds(30))).Exit.Should().Be(0);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the watch printed nothing new");
            await Task.Delay(50);
        }
    }

    /// <summary>Collects lines written from the verb's thread for the test's thread to read.</summary>
    private sealed class SyncWriter : StringWriter
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get { lock (_lines) return _lines.ToList(); }
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            lock (_lines) _lines.Add(value ?? "");
        }
    }
}
