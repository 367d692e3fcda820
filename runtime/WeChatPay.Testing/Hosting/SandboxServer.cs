using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Hosting;

namespace WeChatPay.Testing;

/// <summary>
/// The sandbox as a real HTTP server on loopback (Kestrel from the shared framework, no MVC, AOT-friendly).
/// Every request, whatever its path, goes to <see cref="WeChatPaySandbox.Handle"/> with its raw request target.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable, IDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress, WeChatPaySandbox sandbox)
    {
        _app = app;
        BaseAddress = baseAddress;
        Sandbox = sandbox;
    }

    /// <summary>The bound address, for example <c>http://127.0.0.1:38211/</c>, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The sandbox this server answers with.</summary>
    public WeChatPaySandbox Sandbox { get; }

    /// <summary>
    /// Starts serving <paramref name="sandbox"/> on <paramref name="url"/>; port 0 picks a free port, which
    /// <see cref="BaseAddress"/> then reports.
    /// </summary>
    public static async Task<SandboxServer> StartAsync(WeChatPaySandbox sandbox, string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var app = CreateHostBuilder(url).Build();
        app.Run(context => HandleAsync(sandbox, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"), sandbox);
    }

    /// <summary>
    /// The host every sandbox server runs on: Kestrel on <paramref name="url"/> and nothing else. The empty builder
    /// leaves out what a sandbox never uses (appsettings, environment and command-line configuration, logging
    /// providers, routing, HTTPS and HTTP/3), which keeps a native-AOT app that starts one small and quick to start.
    /// The benchmarks' transport floor uses it too, so that both measure the same Kestrel.
    /// </summary>
    internal static WebApplicationBuilder CreateHostBuilder(string url)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // SandboxOptions.MaxRequestBodySize governs bodies, with a signed answer; Kestrel's own limit would answer unsigned.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        // The sandbox answers from memory and never blocks, so Kestrel may run it on the I/O thread instead of
        // dispatching every request to the thread pool: one thread hop less per request.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        return builder;
    }

    private static async Task HandleAsync(WeChatPaySandbox sandbox, HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString).ToString();
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
            headers[name] = values.ToString();

        SandboxResponse answer;
        try
        {
            var body = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false
                ? ReadOnlyMemory<byte>.Empty
                : await RequestBodyReader.ReadAsync(request.Body, request.ContentLength, sandbox.Options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
            answer = sandbox.Handle(new SandboxRequest(request.Method, target, headers, body));
            if (sandbox.NextResponseDelay() is var delay && delay > TimeSpan.Zero)
                await Task.Delay(delay, sandbox.Options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }
        catch (SandboxError error)
        {
            answer = sandbox.Refuse(error, headers);
        }
        catch (BadHttpRequestException)
        {
            // A body whose framing is broken (a bad chunk, say): still a signed answer.
            answer = sandbox.Refuse(SandboxError.InvalidRequest("请求体格式错误 (the request body is malformed)"), headers);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // The client went away mid-body; nobody is left to answer.
        }

        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
            response.Headers[name] = value;
        if (answer.Body.Length > 0)
        {
            response.ContentLength = answer.Body.Length;
            await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the host shuts down (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override string ToString() => $"SandboxServer {{ BaseAddress = {BaseAddress} }}";
}
