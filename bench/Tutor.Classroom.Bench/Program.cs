using System.Diagnostics;
using k8s;
using k8s.Models;
using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;
using Tutor.Core.Progress;
using Tutor.Engine;
using Tutor.Sandbox;
using Tutor.Sandbox.Store;

// A workshop on one sandbox (in process, loopback only): LEARNERS simulated learners, each a real TutorEngine (the same
// SnapshotWatcher + CheckEvaluator the screen uses, and the classroom link that follows the pace and publishes progress)
// on its own connection, each applying lesson 120's steps and waiting for the verdict; an instructor's room watch on top.
// Reports requests per second at the API server (counted by the server), apply→verdict p50/p99, the process's memory,
// and the requests all learners make over IDLE_SECONDS once they idle (the claim: none, they watch and do not poll).
var learners = Arg(0, 100);
var idleSeconds = Arg(1, 30);
var podStart = TimeSpan.FromMilliseconds(Arg(2, 200));
using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var stop = bounded.Token;

var files = new LessonFiles(CatalogueLoader.Load(FindCatalogue()).Catalogue!);
var before = Memory();
await using var server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = podStart }, stop);
var state = Path.Combine(Path.GetTempPath(), "tutor-classroom-bench-" + Guid.NewGuid().ToString("N")[..8]);
const string classroom = "bench";

// A workshop cluster sized for the room: the sandbox's two workers hold 110 pods each, lesson 120 runs three per learner.
var template = server.Store.List(ResourceTypes.Node).Items.Single(n => n["metadata"]!["name"]!.GetValue<string>() == "sandbox-worker");
for (var n = 0; n < learners * 4 / 100; n++)
{
    var name = $"sandbox-worker-bench{n}";
    var node = new System.Text.Json.Nodes.JsonObject
    {
        ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["labels"] = template["metadata"]!["labels"]!.DeepClone() },
        ["spec"] = new System.Text.Json.Nodes.JsonObject(),
        ["status"] = template["status"]!.DeepClone(),
    };
    node["metadata"]!["labels"]!["kubernetes.io/hostname"] = name;
    server.Store.Create(ResourceTypes.Node, node);
}

// The room, as provision would leave it: a labelled namespace per learner with the classroom ConfigMap.
using (var admin = new ClusterConnection(SandboxClient.Configuration(server)))
{
    await Parallel.ForEachAsync(Enumerable.Range(0, learners), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stop }, async (i, token) =>
    {
        var learner = $"l{i:000}";
        var ns = ClassroomNames.LearnerNamespace(classroom, learner);
        var labels = new Dictionary<string, string>
        {
            [ClassroomNames.ClassroomLabel] = classroom, [ClassroomNames.LearnerLabel] = learner, [TutorLabels.ManagedBy] = TutorLabels.ManagedByValue,
        };
        await admin.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns, Labels = labels } }, cancellationToken: token);
        await admin.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = ClassroomNames.ClassroomConfigMap, Labels = labels },
            Data = new Dictionary<string, string> { [ClassroomNames.ClassroomKey] = classroom, [ClassroomNames.UnlockToKey] = "120" },
        }, ns, cancellationToken: token);
    });
}

// The instructor watches the room the whole time, as `tutor classroom --name bench` does.
using var instructorConnection = new ClusterConnection(SandboxClient.Configuration(server));
await using var room = new ClassroomRoomWatcher(instructorConnection, classroom);
var roomUpdates = 0;
ClassroomRoom? lastRoom = null;
var watching = Task.Run(async () =>
{
    await foreach (var update in room.ReadAllAsync(stop))
    {
        Interlocked.Increment(ref roomUpdates);
        lastRoom = update;
    }
}, stop);

var then = DateTimeOffset.UtcNow;
var progress = LearnerProgress.Empty.MarkPassed("101", 1, then).MarkPassed("101", 2, then).MarkPassed("110", 1, then).MarkPassed("110", 2, then).MoveTo("120", 1, then);
var steps = files.Catalogue.Find("120")!.Steps.Count;
var latencies = new List<double>();
var afterApply = new List<double>();
var failures = new List<string>();
var stepTimeout = TimeSpan.FromSeconds(180);
var sessions = new List<ClusterSession>();
var engines = new List<TutorEngine>();
for (var i = 0; i < learners; i++)
{
    var session = new ClusterSession(new ClusterConnection(SandboxClient.Configuration(server)), "tutor-sandbox",
        ClassroomNames.LearnerNamespace(classroom, $"l{i:000}"), simulated: true);
    sessions.Add(session);
    engines.Add(new TutorEngine(files, session, new ProgressStore(Path.Combine(state, i.ToString())), progress));
}

Console.WriteLine($"classroom load: {learners} learners on one sandbox, lesson 120 ({steps} steps) each, pods start after {podStart.TotalMilliseconds:0} ms, {server.Store.List(ResourceTypes.Node).Items.Count} nodes, {Environment.ProcessorCount} cores");
var requestsAtStart = server.RequestCount;
var clock = Stopwatch.StartNew();
await Task.WhenAll(engines.Select(async engine =>
{
    await engine.StartAsync(stop);
    await engine.ClassroomJoined;
    await engine.RestoreCurrentLessonAsync(stop);
    for (var step = 1; step <= steps; step++)
    {
        var start = Stopwatch.GetTimestamp();
        await engine.ApplySolutionAsync(stop);
        var applied = Stopwatch.GetTimestamp();
        if (!await WaitAsync(engine, s => s.Step is { } st && st.Number == step && st.Done, stop))
        {
            var shown = engine.State;
            lock (failures) failures.Add($"{shown.Connection.Namespace} step {shown.Step?.Number}: {shown.Message}; "
                + string.Join("; ", shown.Checks.Where(c => c.Verdict is not { Passed: true }).Select(c => $"{c.Title}: {c.Verdict?.Message ?? "not run"}")));
            return;
        }

        lock (latencies)
        {
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            afterApply.Add(Stopwatch.GetElapsedTime(applied).TotalMilliseconds);
        }

        if (step < steps) await engine.NextStepAsync(stop);
    }
}));
foreach (var failure in failures.Take(5)) Console.WriteLine($"did not pass within {stepTimeout.TotalSeconds:0} s: {failure}");
var active = clock.Elapsed;
var activeRequests = server.RequestCount - requestsAtStart;

// Let the last writes (debounced progress, rollouts finishing) settle, then count what idle learners ask for.
await WaitUntilAsync(() => lastRoom?.Learners.Count(l => l.Record?.Passed.TryGetValue("120", out var s) == true && s.Length == steps) == learners, stop);
await Task.Delay(TimeSpan.FromSeconds(3), stop);
var idleStart = server.RequestCount;
await Task.Delay(TimeSpan.FromSeconds(idleSeconds), stop);
var idle = server.RequestCount - idleStart;
var after = Memory();
var writes = engines.Sum(e => e.Classroom?.Publisher.Writes ?? 0);

latencies.Sort();
afterApply.Sort();
Console.WriteLine($"active phase: {activeRequests} requests in {active.TotalSeconds:F1} s = {activeRequests / active.TotalSeconds:F0} requests/s at the API server (server-side count)");
Console.WriteLine($"steps passed: {latencies.Count} of {learners * steps}");
Console.WriteLine($"apply → verdict in the engine: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms over {latencies.Count} steps");
Console.WriteLine($"  of which from the apply's answer to the verdict (pods starting, watch, evaluation): p50 {Percentile(afterApply, 0.50):F0} ms, p99 {Percentile(afterApply, 0.99):F0} ms");
Console.WriteLine($"progress records written: {writes} ({writes / (double)learners:F1} per learner); instructor's room watch: {roomUpdates} updates, last shows {lastRoom?.Learners.Count ?? 0} learners");
Console.WriteLine($"memory (whole process: server, {learners} engines and their connections): GC heap {before.Heap:F1} → {after.Heap:F1} MiB, working set {before.WorkingSet:F1} → {after.WorkingSet:F1} MiB");
Console.WriteLine($"idle: {idle} requests from {learners} idle learners and the instructor's screen in {idleSeconds} s (goal 0: watches, no polling)");

await bounded.CancelAsync();
foreach (var engine in engines) await engine.DisposeAsync();
foreach (var session in sessions) session.Dispose();
try
{
    await watching;
}
catch (OperationCanceledException)
{
}

Directory.Delete(state, recursive: true);
return idle == 0 && failures.Count == 0 ? 0 : 1;

async Task<bool> WaitAsync(TutorEngine engine, Func<Tutor.Tui.TutorState, bool> condition, CancellationToken stop)
{
    var changed = new SemaphoreSlim(0);
    void OnChanged(object? _, EventArgs __) => changed.Release();
    engine.Changed += OnChanged;
    try
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(stepTimeout);
        while (!condition(engine.State)) await changed.WaitAsync(deadline.Token);
        return true;
    }
    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
    {
        return false;
    }
    finally
    {
        engine.Changed -= OnChanged;
    }
}

static async Task WaitUntilAsync(Func<bool> condition, CancellationToken stop)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(100, stop);
}

static (double Heap, double WorkingSet) Memory()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    return (GC.GetTotalMemory(true) / 1048576.0, self.WorkingSet64 / 1048576.0);
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string FindCatalogue()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "lessons.json")) && Directory.Exists(Path.Combine(dir.FullName, "manifests"))) return dir.FullName;
    throw new InvalidOperationException("lessons.json not found");
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
