namespace Tutor.Sandbox;

/// <summary>The embedded simulated cluster: a Kubernetes API server on 127.0.0.1 with simulated controllers.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    // Contract only; the server is written in the sandbox work.
    public static Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Url => throw new NotImplementedException();

    /// <summary>The bearer token every request must carry.</summary>
    public string Token => throw new NotImplementedException();

    /// <summary>A kubeconfig (YAML) with one cluster, user and context named <paramref name="contextName"/>.</summary>
    public string Kubeconfig(string contextName = "tutor-sandbox") => throw new NotImplementedException();

    /// <summary>Requests served so far, for benchmarks (e.g. "no requests while idle").</summary>
    public long RequestCount => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
