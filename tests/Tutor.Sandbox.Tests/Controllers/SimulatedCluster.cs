using System.Text.Json.Nodes;
using Tutor.Sandbox.Api.Admission;
using Tutor.Sandbox.Controllers;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Controllers;

/// <summary>A seeded store with every controller running, and objects written through admission as the API would.</summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _controllers;
    private readonly AdmissionChain _admission;

    public SimulatedCluster(TimeSpan? podStartDelay = null, TimeProvider? clock = null)
    {
        Options = new SandboxOptions { PodStartDelay = podStartDelay ?? TimeSpan.FromMilliseconds(100), Clock = clock ?? TimeProvider.System };
        Store = new ObjectStore(Options.Clock);
        ControllerHost.Seed(Store, Options);
        _admission = AdmissionChain.Standard(Store);
        _controllers = Task.Run(() => ControllerHost.RunAsync(Store, Options, _stop.Token));
        Create(ResourceTypes.Namespace, """{"metadata":{"name":"demo"}}""");
    }

    public ObjectStore Store { get; }

    public SandboxOptions Options { get; }

    public JsonObject Create(ResourceType type, string json)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        if (type.Namespaced) obj["metadata"]!["namespace"] ??= "demo";
        // As a client sends them: admission tells a CronJob from a Job by its kind.
        obj["apiVersion"] ??= type.ApiVersion;
        obj["kind"] ??= type.Kind;
        _admission.Admit(type, obj, null);
        return Store.Create(type, obj);
    }

    public JsonObject Change(ResourceType type, string name, Action<JsonObject> change)
    {
        var key = new ObjectKey(type, type.Namespaced ? "demo" : "", name);
        return Store.Mutate(key, o =>
        {
            var old = (JsonObject)o.DeepClone();
            change(o);
            _admission.Admit(type, o, old);
            return true;
        })!;
    }

    public JsonObject? Get(ResourceType type, string name) => Store.Get(new ObjectKey(type, type.Namespaced ? "demo" : "", name));

    public IReadOnlyList<JsonObject> List(ResourceType type) => Store.List(type, type.Namespaced ? "demo" : null).Items;

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after 10 s.</summary>
    public async Task<T> EventuallyAsync<T>(Func<T?> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = read();
            if (last is not null && condition(last)) return last;
            await Task.Delay(25);
        }

        throw new TimeoutException($"timed out waiting for {what}; last seen: {(last as JsonNode)?.ToJsonString() ?? last?.ToString()}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _controllers;
        _stop.Dispose();
    }
}
