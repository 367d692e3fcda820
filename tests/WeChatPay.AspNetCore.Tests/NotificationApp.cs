using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeChatPay.Testing;

namespace WeChatPay.AspNetCore.Tests;

public sealed record PaidOrder(string OutTradeNo, string TransactionId, string TradeState);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PaidOrder))]
internal sealed partial class TestJson : JsonSerializerContext;

/// <summary>What the handlers of every app instance of a test did, shared so a test can count them.</summary>
public sealed class HandlerLog
{
    public ConcurrentQueue<(string Instance, string NotificationId, string OutTradeNo)> Processed { get; } = new();

    /// <summary>When set, a handler waits for it before finishing (to hold a claim while another instance answers).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Set when a handler has started.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many more handler calls throw.</summary>
    public int FailuresLeft;
}

/// <summary>One merchant application on Kestrel (a free loopback port) with MapWeChatPayNotifications.</summary>
public sealed class NotificationApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationApp(WebApplication app, Uri notifyUrl)
    {
        _app = app;
        NotifyUrl = notifyUrl;
    }

    public Uri NotifyUrl { get; }

    public static async Task<NotificationApp> StartAsync(string name, WeChatPayOptions merchant, HandlerLog log, string? redis)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWeChatPay(o =>
        {
            o.MerchantId = merchant.MerchantId;
            o.MerchantSerialNumber = merchant.MerchantSerialNumber;
            o.MerchantPrivateKey = merchant.MerchantPrivateKey;
            o.ApiV3Key = merchant.ApiV3Key;
            o.PublicKeyId = merchant.PublicKeyId;
            o.PlatformPublicKey = merchant.PlatformPublicKey;
            o.BaseAddress = merchant.BaseAddress;
        });
        var notifications = builder.Services.AddWeChatPayNotifications()
            .On("TRANSACTION.SUCCESS", TestJson.Default.PaidOrder, async (notification, _, cancellationToken) =>
            {
                log.Started.TrySetResult();
                if (log.Gate is { } gate)
                    await gate.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
                if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
                    throw new InvalidOperationException("the order database is down");
                log.Processed.Enqueue((name, notification.Id, notification.Resource.OutTradeNo));
            });
        if (redis is not null)
            notifications.UseRedis(redis);

        var app = builder.Build();
        app.MapWeChatPayNotifications("/wechatpay/notify");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NotificationApp(app, new Uri(new Uri(address), "/wechatpay/notify"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
