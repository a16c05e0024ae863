using System.Diagnostics;
using Tutor.Core.Catalogue;
using Tutor.Core.Progress;
using Tutor.Engine;
using Tutor.Sandbox;
using Tutor.Sandbox.Store;

// Two numbers the step loop promises, measured on the sandbox with the real engine:
//  1. latency from the last change in the cluster to the engine's state showing the step passed
//     (what the check panel draws on its next frame), over several runs of lesson 120 step 2;
//  2. API requests the engine makes while it idles on a step (watch, not poll).
var runs = args.Length > 0 ? int.Parse(args[0]) : 20;
var idleSeconds = args.Length > 1 ? int.Parse(args[1]) : 60;

var root = FindCatalogue();
var files = new LessonFiles(CatalogueLoader.Load(root).Catalogue!);
await using var server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(400) });
var clock = Stopwatch.StartNew();
var lastChange = 0.0;
using var feed = server.Store.Subscribe(e => e.Resource != ResourceTypes.Event);
_ = Task.Run(async () =>
{
    await foreach (var _ in feed.Events.ReadAllAsync()) Volatile.Write(ref lastChange, clock.Elapsed.TotalMilliseconds);
});

var state = Path.Combine(Path.GetTempPath(), "tutor-bench-" + Guid.NewGuid().ToString("N")[..8]);
var then = DateTimeOffset.UtcNow;
var progress = LearnerProgress.Empty.MarkPassed("101", 1, then).MarkPassed("101", 2, then).MarkPassed("110", 1, then).MarkPassed("110", 2, then)
    .MarkPassed("120", 1, then).MoveTo("120", 2, then);
using var session = new ClusterSession(
    new Tutor.Core.Cluster.ClusterConnection(SandboxClient.Configuration(server)),
    "tutor-sandbox", "tutor", simulated: true);
var store = new ProgressStore(state);
await using var engine = new TutorEngine(files, session, store, progress);
await engine.StartAsync();
await engine.RestoreCurrentLessonAsync();

var latencies = new List<double>();
for (var run = 0; run < runs; run++)
{
    // Back to one replica and not passed, then let the watch see the scale-up through.
    await engine.ResetLessonAsync();
    await engine.ApplySolutionAsync();
    await WaitAsync(() => engine.State.Step!.Done);
    await engine.NextStepAsync();
    var done = new TaskCompletionSource<double>();
    void OnChanged(object? _, EventArgs __)
    {
        if (engine.State.Step is { Number: 2, Done: true }) done.TrySetResult(clock.Elapsed.TotalMilliseconds);
    }

    engine.Changed += OnChanged;
    await engine.ApplySolutionAsync();
    var passedAt = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    engine.Changed -= OnChanged;
    latencies.Add(passedAt - Volatile.Read(ref lastChange) is var l && l >= 0 ? l : 0);
}

latencies.Sort();
Console.WriteLine($"change → step passed in the engine: median {latencies[latencies.Count / 2]:0.0} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.0} ms, max {latencies[^1]:0.0} ms over {runs} runs (goal ≤ 100 ms)");

await Task.Delay(2000); // let the last rollout settle
var before = server.RequestCount;
await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
var idle = server.RequestCount - before;
Console.WriteLine($"requests while idle on a step: {idle} in {idleSeconds} s = {idle * 60.0 / idleSeconds:0.#} per minute (goal 0)");
Directory.Delete(state, recursive: true);

static async Task WaitAsync(Func<bool> condition)
{
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (!condition())
    {
        if (DateTime.UtcNow > deadline) throw new TimeoutException("the step did not pass within 30 s");
        await Task.Delay(10);
    }
}

static string FindCatalogue()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "lessons.json")) && Directory.Exists(Path.Combine(dir.FullName, "manifests"))) return dir.FullName;
    throw new InvalidOperationException("lessons.json not found");
}
