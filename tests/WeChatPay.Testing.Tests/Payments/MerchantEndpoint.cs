using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>One notification as the merchant's endpoint received it: the raw body, the headers, and which request it was (1, 2, …).</summary>
internal sealed record ReceivedNotification(int Number, byte[] Body, Dictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A merchant's <c>notify_url</c>: Kestrel on a free loopback port. Each request is recorded, then answered by
/// <c>answer(number, context)</c>; tests await requests with <see cref="NextAsync"/>.
/// </summary>
internal sealed class MerchantEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedNotification> _received = Channel.CreateUnbounded<ReceivedNotification>();
    private int _count;

    private MerchantEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<MerchantEndpoint> StartAsync(Func<int, HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new MerchantEndpoint(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var number = Interlocked.Increment(ref endpoint._count);
            endpoint._received.Writer.TryWrite(new ReceivedNotification(number, buffer.ToArray(), headers));
            await answer(number, context);
        });
        await app.StartAsync();
        endpoint.Url = new Uri(app.Urls.First().TrimEnd('/') + "/wechatpay/notify");
        return endpoint;
    }

    /// <summary>Answers 204 to every notification.</summary>
    public static Task<MerchantEndpoint> StartAcknowledgingAsync() => StartAsync((_, context) =>
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    });

    /// <summary>The next request received, waiting up to 60 s (generous: the machine may be loaded).</summary>
    public async Task<ReceivedNotification> NextAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    public int Count => Volatile.Read(ref _count);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
