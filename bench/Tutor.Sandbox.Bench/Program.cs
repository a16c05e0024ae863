using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Tutor.Sandbox;
using Tutor.Sandbox.Store;

// The sandbox's API server under load, in process on loopback over HTTPS, each client on its own connection:
//  requests per second and p99 latency of get, list and server-side apply with CLIENTS concurrent clients
//  for SECONDS each; watch fan-out (one change, WATCHERS watches: time until the last one has it);
//  and the server's memory with NAMESPACES namespaces each holding the whole voting app (lesson 160).
var clients = Arg(0, 100);
var seconds = Arg(1, 5);
var watchers = Arg(2, 100);
var namespaces = Arg(3, 100);

await using var server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
var pool = Enumerable.Range(0, clients).Select(_ => Client(server)).ToArray();
using var setup = Client(server);
for (var i = 0; i < 50; i++)
    (await setup.PostAsync("/api/v1/namespaces/default/configmaps", Json($"{{\"metadata\":{{\"name\":\"bench-{i}\"}},\"data\":{{\"k\":\"v\"}}}}"))).EnsureSuccessStatusCode();

Console.WriteLine($"sandbox load: {clients} clients, {seconds} s per operation, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"operation",-10} {"requests",9} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
await Measure("get", (http, _, _) => http.GetAsync("/api/v1/namespaces/default/configmaps/bench-0"));
await Measure("list", (http, _, _) => http.GetAsync("/api/v1/namespaces/default/configmaps"));
await Measure("apply", (http, client, n) => http.PatchAsync($"/api/v1/namespaces/default/configmaps/apply-{client}?fieldManager=bench",
    new StringContent($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: apply-{client}\ndata:\n  n: \"{n}\"\n", Encoding.UTF8, "application/apply-patch+yaml")));
await FanOut();
await Memory();
foreach (var http in pool) http.Dispose();
return;

async Task Measure(string name, Func<HttpClient, int, int, Task<HttpResponseMessage>> request)
{
    var latencies = new List<double>[clients];
    var until = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        var mine = latencies[c] = new List<double>();
        for (var n = 0; until.Elapsed.TotalSeconds < seconds; n++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await request(pool[c], c, n);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{name}: {(int)response.StatusCode}");
            mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToArray();
    Console.WriteLine($"{name,-10} {all.Length,9} {all.Length / until.Elapsed.TotalSeconds,9:F0} {Percentile(all, 0.50),8:F2} {Percentile(all, 0.99),8:F2} {all[^1],8:F2}");
}

async Task FanOut()
{
    const int changes = 20;
    var watching = Enumerable.Range(0, watchers).Select(_ => Client(server, TimeSpan.FromMinutes(5))).ToArray();
    var version = server.Store.CurrentVersion;
    var streams = await Task.WhenAll(watching.Select(async http =>
    {
        var response = await http.GetAsync($"/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name=bench-0&resourceVersion={version}",
            HttpCompletionOption.ResponseHeadersRead);
        return new StreamReader(await response.Content.ReadAsStreamAsync());
    }));
    var times = new List<double>();
    for (var n = 0; n < changes; n++)
    {
        var start = Stopwatch.GetTimestamp();
        (await setup.PatchAsync("/api/v1/namespaces/default/configmaps/bench-0",
            new StringContent($"{{\"data\":{{\"k\":\"{n}\"}}}}", Encoding.UTF8, "application/merge-patch+json"))).EnsureSuccessStatusCode();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Task.WhenAll(streams.Select(s => s.ReadLineAsync(limit.Token).AsTask()));
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    var sorted = times.Order().ToArray();
    Console.WriteLine($"watch fan-out: one change to {watchers} watchers, {changes} changes: until the last had it p50 {Percentile(sorted, 0.5):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms");
    foreach (var s in streams) s.Dispose();
    foreach (var http in watching) http.Dispose();
}

async Task Memory()
{
    var before = Snapshot();
    var app = VotingApp();
    var load = Stopwatch.StartNew();
    for (var i = 0; i < namespaces; i++)
    {
        var ns = $"vote-{i}";
        (await setup.PostAsync("/api/v1/namespaces", Json($"{{\"metadata\":{{\"name\":\"{ns}\"}}}}"))).EnsureSuccessStatusCode();
        foreach (var (plural, prefix, yaml) in app)
        {
            using var response = await setup.PostAsync($"{prefix}/namespaces/{ns}/{plural}", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{ns}/{plural}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    // Let the controllers make the ReplicaSets and Pods and bring them to Running.
    var pods = 0;
    for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(120); await Task.Delay(500))
    {
        pods = server.Store.List(ResourceTypes.Pod).Items.Count(p => p["status"]?["phase"]?.GetValue<string>() == "Running");
        if (pods >= namespaces * app.Count(a => a.Plural == "deployments")) break;
    }

    var after = Snapshot();
    var objects = ResourceTypes.All.Sum(t => server.Store.List(t).Items.Count);
    Console.WriteLine($"memory: {namespaces} namespaces × the voting app ({app.Count} objects each) loaded and settled in {load.Elapsed.TotalSeconds:F1} s; "
                      + $"{objects} objects stored, {pods} pods Running");
    Console.WriteLine($"  GC heap {before.Heap:F1} → {after.Heap:F1} MiB; working set {before.WorkingSet:F1} → {after.WorkingSet:F1} MiB (whole process, clients included)");
}

static (double Heap, double WorkingSet) Snapshot()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    return (GC.GetTotalMemory(true) / 1048576.0, self.WorkingSet64 / 1048576.0);
}

// The whole voting app: lesson 160's setup and each step's solution, one request body per document.
static List<(string Plural, string Prefix, string Yaml)> VotingApp()
{
    var folder = Path.Combine(FindRepository(), "manifests", "160-the-whole-voting-app");
    var files = new[] { "setup.yaml", "step-1.solution.yaml", "step-2.solution.yaml", "step-3.solution.yaml" };
    var documents = new List<(string, string, string)>();
    foreach (var yaml in files.SelectMany(f => Regex.Split(File.ReadAllText(Path.Combine(folder, f)), @"^---\s*$", RegexOptions.Multiline)))
    {
        var apiVersion = Regex.Match(yaml, @"^apiVersion:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;
        var kind = Regex.Match(yaml, @"^kind:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;
        if (kind.Length == 0) continue;
        var type = ResourceTypes.FindKind(apiVersion, kind) ?? throw new InvalidOperationException($"{apiVersion} {kind} is not served");
        var withoutNamespace = Regex.Replace(yaml, @"^  namespace:.*$", "", RegexOptions.Multiline);
        documents.Add((type.Plural, type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.GroupVersion}", withoutNamespace));
    }

    return documents;
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Tutor.sln"))) return dir.FullName;
    throw new InvalidOperationException("run from inside the repository");
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

static HttpClient Client(SandboxServer server, TimeSpan? timeout = null) => new(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 1,
    SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == server.Certificate.GetCertHashString() },
})
{
    BaseAddress = server.Url,
    Timeout = timeout ?? TimeSpan.FromSeconds(30),
    DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", server.Token) },
};

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
