using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tutor.Sandbox.Api;
using Tutor.Sandbox.Api.Admission;
using Tutor.Sandbox.Auth;
using Tutor.Sandbox.Controllers;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox;

/// <summary>The embedded simulated cluster: a Kubernetes API server on 127.0.0.1 with simulated controllers.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _controllers;
    private long _requests;

    private SandboxServer(WebApplication app, CancellationTokenSource stopping, Task controllers, ObjectStore store, Uri url, string token, X509Certificate2 certificate)
    {
        Certificate = certificate;
        _app = app;
        _stopping = stopping;
        _controllers = controllers;
        Store = store;
        Url = url;
        Token = token;
    }

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var journal = options.DataDirectory is null ? null : new StoreJournal(options.DataDirectory, log: options.Log);
        var store = new ObjectStore(options.Clock, journal);
        if (store.IsEmpty) ControllerHost.Seed(store, options);
        var certificate = SandboxCertificate.Create(options.Clock.GetUtcNow());
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Loopback only: the sandbox is for the person at this machine.
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate));
            kestrel.Limits.MaxRequestBodySize = ApiRouter.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var tokens = new TokenRegistry(options.Clock);
        var rbac = new RbacIndex(store);
        var access = new AccessControl(new Authenticator(token, tokens, new SecretTokenIndex(store), store), rbac);
        var router = new ApiRouter(new ResourceHandler(store, AdmissionChain.Standard(store).With(new EscalationRule(rbac))), access,
            new ReviewHandler(rbac, tokens, store), stopping.Token);
        SandboxServer? server = null;
        app.Run(context =>
        {
            if (server is not null) Interlocked.Increment(ref server._requests);
            return router.HandleAsync(context);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var controllers = Task.Run(() => ControllerHost.RunAsync(store, options, stopping.Token), CancellationToken.None);
        server = new SandboxServer(app, stopping, controllers, store, new Uri(address.Replace("[::1]", "127.0.0.1")), token, certificate);
        return server;
    }

    /// <summary>The certificate the server presents; clients trust exactly this one (it is its own authority).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Base address, e.g. https://127.0.0.1:41234.</summary>
    public Uri Url { get; }

    /// <summary>The bearer token every request must carry.</summary>
    public string Token { get; }

    /// <summary>The objects of the cluster, for benchmarks and tests that need to see a change the moment it happens.</summary>
    public ObjectStore Store { get; }

    /// <summary>Requests served so far, for benchmarks (e.g. "no requests while idle").</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>A kubeconfig (YAML) with one cluster, user and context named <paramref name="contextName"/>.</summary>
    public string Kubeconfig(string contextName = "tutor-sandbox", string @namespace = "tutor") =>
        $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {contextName}
          cluster:
            server: {Url.ToString().TrimEnd('/')}
            certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Certificate.ExportCertificatePem()))}
        users:
        - name: {contextName}
          user:
            token: {Token}
        contexts:
        - name: {contextName}
          context:
            cluster: {contextName}
            user: {contextName}
            namespace: {@namespace}
        current-context: {contextName}
        """ + "\n";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _controllers.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(quick.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Store.Close();
        _stopping.Dispose();
        Certificate.Dispose();
    }
}
