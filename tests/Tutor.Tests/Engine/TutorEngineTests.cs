using k8s;
using Tutor.Core.Cluster;
using Tutor.Core.Progress;
using Tutor.Engine;
using Tutor.Sandbox;
using Tutor.Tests.Cluster;
using Tutor.Tui;

namespace Tutor.Tests.Engine;

public sealed class TutorEngineTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset Then = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "tutor-engine-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxServer _server = null!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(300) });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
    }

    private (TutorEngine Engine, ProgressStore Store, ClusterSession Session) Start(LearnerProgress progress, string ns = "tutor")
    {
        var session = new ClusterSession(SandboxCluster.Connect(_server), "tutor-sandbox", ns, simulated: true);
        var store = new ProgressStore(_state);
        return (new TutorEngine(ShippedCatalogue.Files(), session, store, progress), store, session);
    }

    private static async Task<TutorState> WaitForAsync(TutorEngine engine, Func<TutorState, bool> condition)
    {
        var changed = new SemaphoreSlim(0);
        engine.Changed += (_, _) => changed.Release();
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition(engine.State)) await changed.WaitAsync(deadline.Token);
        return engine.State;
    }

    [Fact]
    public async Task A_new_learner_starts_on_lesson_101_and_the_step_passes_from_the_watch_after_apply()
    {
        var (engine, store, session) = Start(LearnerProgress.Empty);
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        engine.State.Step!.LessonId.Should().Be("101");
        engine.State.Step.Number.Should().Be(1);
        await WaitForAsync(engine, s => s.Connection.State == ConnectionState.Connected && s.Checks.All(c => c.Verdict is not null));
        engine.State.Checks.Should().Contain(c => !c.Verdict!.Passed, "the namespace does not exist yet");

        await engine.ApplyAsync();
        var passed = await WaitForAsync(engine, s => s.Step!.Done);

        passed.Checks.Should().OnlyContain(c => c.Verdict!.Passed);
        passed.Step!.NextUnlocked.Should().BeTrue();
        passed.Connection.Simulated.Should().BeTrue();
        store.Load("tutor-sandbox").Progress.IsPassed("101", 1).Should().BeTrue("a passed step is saved at once");
    }

    [Fact]
    public async Task Pods_becoming_ready_turn_the_checks_green_without_a_manual_check_and_next_unlocks()
    {
        var progress = LearnerProgress.Empty.MarkPassed("101", 1, Then).MarkPassed("101", 2, Then)
            .MarkPassed("110", 1, Then).MarkPassed("110", 2, Then).MoveTo("120", 1, Then);
        var (engine, store, session) = Start(progress, "tutor-120");
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        engine.State.Step!.LessonId.Should().Be("120");

        await engine.ApplySolutionAsync();
        var done = await WaitForAsync(engine, s => s.Step!.Done);
        done.Message.Should().Contain("Step 1 passed");

        await engine.NextStepAsync();
        engine.State.Step!.Number.Should().Be(2);
        await engine.ApplySolutionAsync();
        var lessonDone = await WaitForAsync(engine, s => s.Step!.Done);

        lessonDone.Message.Should().Contain("Lesson 120 complete");
        lessonDone.ProgressOf("120").Mark.Should().Be(LessonMark.Done);
        var saved = store.Load("tutor-sandbox").Progress;
        saved.IsPassed("120", 2).Should().BeTrue();
        saved.CurrentLessonId.Should().Be("120");
        saved.CurrentStep.Should().Be(2);
    }

    [Fact]
    public async Task Next_is_refused_until_the_step_passes()
    {
        var (engine, _, session) = Start(LearnerProgress.Empty, "tutor-next");
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();

        await engine.NextStepAsync();

        engine.State.Step!.Number.Should().Be(1);
        engine.State.Message.Should().Contain("Finish this step first");
    }

    [Fact]
    public async Task Reset_deletes_the_lesson_objects_and_forgets_its_progress()
    {
        var progress = LearnerProgress.Empty.MarkPassed("101", 1, Then).MarkPassed("101", 2, Then).MoveTo("110", 1, Then);
        var (engine, store, session) = Start(progress, "tutor-reset");
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        await engine.ApplySolutionAsync();
        await WaitForAsync(engine, s => s.Step!.Done);

        await engine.ResetLessonAsync();

        engine.State.Message.Should().Contain("Lesson 110 reset");
        engine.State.Step!.Number.Should().Be(1);
        engine.State.Step.Done.Should().BeFalse();
        store.Load("tutor-sandbox").Progress.PassedSteps("110").Should().BeEmpty();
        (await ListWatchClient.ListAsync(session.Connection, await session.Connection.Resources.ResolveAsync(new("v1", "Pod")), "tutor-reset", CancellationToken.None))
            .Items.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_fresh_sandbox_the_current_lesson_is_restored_from_progress()
    {
        var progress = LearnerProgress.Empty.MarkPassed("101", 1, Then).MarkPassed("101", 2, Then)
            .MarkPassed("110", 1, Then).MarkPassed("110", 2, Then).MarkPassed("120", 1, Then).MoveTo("120", 2, Then);
        var (engine, _, session) = Start(progress, "tutor-restore");
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();

        await engine.RestoreCurrentLessonAsync();

        engine.State.Message.Should().Contain("set up again");
        var deployments = await ListWatchClient.ListAsync(session.Connection, await session.Connection.Resources.ResolveAsync(new("apps/v1", "Deployment")), "tutor-restore", CancellationToken.None);
        deployments.Items.Should().ContainSingle(d => d["metadata"]!["name"]!.GetValue<string>() == "vote");
        var pods = await ListWatchClient.ListAsync(session.Connection, await session.Connection.Resources.ResolveAsync(new("v1", "Pod")), "tutor-restore", CancellationToken.None);
        pods.Items.Should().NotContain(p => p["metadata"]!["name"]!.GetValue<string>() == "vote", "step 1's solution removes the bare Pod");
    }
    [Fact]
    public async Task A_step_that_compares_with_its_start_passes_after_a_restore_once_the_pod_is_replaced()
    {
        var files = ShippedCatalogue.Files();
        var progress = files.Catalogue.Lessons.TakeWhile(l => l.Id != "230")
            .Aggregate(LearnerProgress.Empty, (p, l) => l.Steps.Aggregate(p, (q, s) => q.MarkPassed(l.Id, s.Number, Then)))
            .MarkPassed("230", 1, Then).MarkPassed("230", 2, Then).MoveTo("230", 3, Then);
        var (engine, _, session) = Start(progress, "tutor-start");
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        engine.State.Step!.LessonId.Should().Be("230");

        // The sandbox is empty, so the lesson is rebuilt after the step was opened: the start is what Tutor first sees.
        await engine.RestoreCurrentLessonAsync();
        var restored = await WaitForAsync(engine, s => s.Checks.Count == 4 && s.Checks.Skip(1).All(c => c.Verdict?.Passed == true));
        restored.Checks[0].Verdict!.Message.Should().Contain("to change since the step started");
        restored.Step!.Done.Should().BeFalse();

        (await session.Resetter.RemoveAsync("tutor-start", [new Core.Checks.ResourceRef(new("v1", "Pod"), "db-0")])).Error.Should().BeNull();
        var done = await WaitForAsync(engine, s => s.Step!.Done);
        done.Checks.Should().OnlyContain(c => c.Verdict!.Passed);
    }

    [Fact]
    public async Task The_step_offers_its_texts_commands_the_objects_come_from_the_watch_and_diff_compares_with_the_solution()
    {
        var progress = LearnerProgress.Empty.MarkPassed("101", 1, Then).MarkPassed("101", 2, Then)
            .MarkPassed("110", 1, Then).MarkPassed("110", 2, Then).MoveTo("120", 1, Then);
        var (engine, _, session) = Start(progress, "tutor-drift");
        await using var _ = engine;
        using var __ = session;
        await engine.StartAsync();
        var files = ShippedCatalogue.Files();
        var lesson = files.Catalogue.Find("120")!;
        engine.State.Step!.Commands.Should().Equal(files.StepCommands(lesson, lesson.Steps[0]).Select(c => c.Text));
        engine.State.Step.Commands.Should().NotBeEmpty("lesson 120 shows kubectl commands");

        var before = await engine.DiffAsync();
        before.Should().Contain(d => d.Missing, "nothing of the solution exists yet");

        await engine.ApplySolutionAsync();
        var done = await WaitForAsync(engine, s => s.Step!.Done && s.Objects is { Count: > 0 });
        done.Objects!.Should().Contain(o => o.Name.StartsWith("deploy/"));
        (await engine.DiffAsync()).Should().OnlyContain(d => !d.Drifted);
    }

    [Fact]
    public async Task A_manifest_edited_on_disk_is_read_again_and_a_broken_one_is_reported_with_its_line()
    {
        var root = Directory.CreateTempSubdirectory("tutor-reload-");
        try
        {
            CopyFolder(ShippedCatalogue.Root, root.FullName, "lessons", "manifests");
            File.Copy(Path.Combine(ShippedCatalogue.Root, "lessons.json"), Path.Combine(root.FullName, "lessons.json"));
            var files = new Core.Catalogue.LessonFiles(Core.Catalogue.CatalogueLoader.Load(root.FullName).Catalogue!);
            var session = new ClusterSession(SandboxCluster.Connect(_server), "tutor-sandbox", "tutor-reload", simulated: true);
            using var __ = session;
            await using var engine = new TutorEngine(files, session, new ProgressStore(_state), LearnerProgress.Empty);
            await engine.StartAsync();
            var manifest = files.Catalogue.PathOf(engine.State.Step!.ManifestPath!);

            File.AppendAllText(manifest, "# edited by the learner\n");
            await engine.ReloadManifestAsync();
            engine.State.Step!.ManifestYaml.Should().EndWith("# edited by the learner\n");
            engine.State.Message.Should().Contain("read again");

            File.AppendAllText(manifest, "metadata: [\n");
            await engine.ReloadManifestAsync();
            engine.State.Message.Should().Contain(engine.State.Step!.ManifestPath!);
            await engine.ApplyAsync();
            engine.State.Message.Should().StartWith(engine.State.Step!.ManifestPath!, "nothing is applied from a file that does not parse");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_manifest_saved_in_the_learners_own_editor_is_applied_as_saved()
    {
        var root = Directory.CreateTempSubdirectory("tutor-saved-");
        try
        {
            CopyFolder(ShippedCatalogue.Root, root.FullName, "lessons", "manifests");
            File.Copy(Path.Combine(ShippedCatalogue.Root, "lessons.json"), Path.Combine(root.FullName, "lessons.json"));
            var files = new Core.Catalogue.LessonFiles(Core.Catalogue.CatalogueLoader.Load(root.FullName).Catalogue!);
            var session = new ClusterSession(SandboxCluster.Connect(_server), "tutor-sandbox", "tutor-saved", simulated: true);
            using var __ = session;
            await using var engine = new TutorEngine(files, session, new ProgressStore(_state), LearnerProgress.Empty);
            await engine.StartAsync();
            var manifest = files.Catalogue.PathOf(engine.State.Step!.ManifestPath!);
            await engine.ApplyAsync();

            // No reload key: the learner saved the file elsewhere and pressed a.
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("app.kubernetes.io/managed-by: tutor", "app.kubernetes.io/managed-by: tutor\n    edited: \"yes\""));
            await engine.ApplyAsync();

            var ns = await session.Connection.Client.CoreV1.ReadNamespaceAsync("tutor-saved");
            ns.Metadata.Labels.Should().Contain("edited", "yes");
            engine.State.Step!.ManifestYaml.Should().Contain("edited: \"yes\"", "the screen shows the manifest that was applied");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void CopyFolder(string from, string to, params string[] folders)
    {
        foreach (var folder in folders)
        foreach (var file in Directory.EnumerateFiles(Path.Combine(from, folder), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
