using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WeChatPay.Apis.Tests.TestSupport;

/// <summary>A merchant's <c>notify_url</c>: Kestrel on a free loopback port that records each POST and answers 204.</summary>
public sealed class NotifyEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(byte[] Body, Dictionary<string, string> Headers)> _received = Channel.CreateUnbounded<(byte[], Dictionary<string, string>)>();

    private NotifyEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<NotifyEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new NotifyEndpoint(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            endpoint._received.Writer.TryWrite((buffer.ToArray(), headers));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await app.StartAsync();
        endpoint.Url = new Uri(app.Urls.First().TrimEnd('/') + "/wechatpay/notify");
        return endpoint;
    }

    /// <summary>The next notification received, waiting up to 60 s (generous: the machine may be loaded).</summary>
    public async Task<(byte[] Body, Func<string, string?> Header)> NextAsync()
    {
        var (body, headers) = await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        return (body, name => headers.TryGetValue(name, out var value) ? value : null);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
