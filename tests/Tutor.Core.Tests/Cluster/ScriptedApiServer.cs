using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tutor.Core.Tests.Cluster;

/// <summary>
/// A tiny HTTP server on loopback that answers each request with a scripted handler and records what was
/// asked. It plays API-server corner cases (410 Gone mid-watch, watches that end) that a full cluster
/// rarely produces on demand.
/// </summary>
internal sealed class ScriptedApiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, HttpListenerResponse, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedApiServer(Func<HttpListenerRequest, HttpListenerResponse, CancellationToken, Task> handler)
    {
        _handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>Path and query of every request, in order of arrival.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Method, path and query, and content type of every request, in order of arrival.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string? ContentType)> Log { get; } = new();

    public static async Task WriteAsync(HttpListenerResponse response, string json, int status = 200)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>Streams watch lines; <paramref name="holdOpen"/> keeps the connection open afterwards until the server stops.</summary>
    public static async Task StreamAsync(HttpListenerResponse response, IEnumerable<string> lines, bool holdOpen, CancellationToken stop)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.SendChunked = true;
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            await response.OutputStream.WriteAsync(bytes, stop);
            await response.OutputStream.FlushAsync(stop);
        }

        if (holdOpen)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        response.Close();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            Requests.Enqueue(context.Request.Url!.PathAndQuery);
            Log.Enqueue((context.Request.HttpMethod, context.Request.Url.PathAndQuery, context.Request.ContentType));
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context.Request, context.Response, _stop.Token);
                }
                catch (Exception)
                {
                    context.Response.Abort();
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _loop;
    }
}
