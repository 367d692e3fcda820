using System.Text;
using WeChatPay.Testing;

namespace WeChatPay.AspNetCore.Tests;

/// <summary>
/// Two application instances (two Kestrel hosts) sharing one real Redis receive the same notification from the
/// sandbox, one after the other and at the same time, and it is processed once; a failed handler is processed again
/// on redelivery; a notification that does not verify is refused and never handled.
/// </summary>
public sealed class NotificationDeduplicationTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private readonly WeChatPaySandbox _sandbox = new();

    private (WeChatPayOptions Options, SandboxNotification Notification) Paid(string? eventType = null)
    {
        var merchant = _sandbox.CreateMerchant();
        var options = _sandbox.CreateClientOptions(merchant, new Uri("http://127.0.0.1:1/"));
        var outTradeNo = "ORDER-" + Guid.NewGuid().ToString("N")[..12];
        var plaintext = Encoding.UTF8.GetBytes($"{{\"out_trade_no\":\"{outTradeNo}\",\"transaction_id\":\"4200000000{Random.Shared.Next(100000, 999999)}\",\"trade_state\":\"SUCCESS\"}}");
        return (options, _sandbox.CreateNotification(merchant, eventType ?? "TRANSACTION.SUCCESS", "支付成功", plaintext, "transaction"));
    }

    [Fact]
    public async Task Two_instances_sharing_Redis_process_a_redelivered_notification_once()
    {
        var (options, notification) = Paid();
        var log = new HandlerLog();
        await using var a = await NotificationApp.StartAsync("a", options, log, redis.Configuration);
        await using var b = await NotificationApp.StartAsync("b", options, log, redis.Configuration);

        var first = await WeChatPaySandbox.SendNotificationAsync(a.NotifyUrl, notification);
        var second = await WeChatPaySandbox.SendNotificationAsync(b.NotifyUrl, notification);
        var third = await WeChatPaySandbox.SendNotificationAsync(a.NotifyUrl, notification);

        Assert.Equal([204, 204, 204], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        var processed = Assert.Single(log.Processed);
        Assert.Equal(("a", notification.Id), (processed.Instance, processed.NotificationId));
    }

    [Fact]
    public async Task Two_instances_receiving_one_notification_at_once_process_it_once()
    {
        var (options, notification) = Paid();
        var log = new HandlerLog { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var a = await NotificationApp.StartAsync("a", options, log, redis.Configuration);
        await using var b = await NotificationApp.StartAsync("b", options, log, redis.Configuration);

        var toA = WeChatPaySandbox.SendNotificationAsync(a.NotifyUrl, notification);
        var toB = WeChatPaySandbox.SendNotificationAsync(b.NotifyUrl, notification);

        // The winner's handler holds its claim on the gate, so the loser answers first: "in progress", a failure
        // that makes WeChat Pay deliver again later.
        var first = await Task.WhenAny(toA, toB).WaitAsync(TimeSpan.FromSeconds(120));
        var loser = await first;
        Assert.Equal(503, loser.StatusCode);
        Assert.Contains("\"code\":\"FAIL\"", loser.Body);
        log.Gate.SetResult();
        var winner = await (first == toA ? toB : toA).WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(204, winner.StatusCode);

        // WeChat Pay's redelivery to the loser is acknowledged without processing again.
        var redelivery = await WeChatPaySandbox.SendNotificationAsync(first == toA ? a.NotifyUrl : b.NotifyUrl, notification);
        Assert.Equal(204, redelivery.StatusCode);
        Assert.Single(log.Processed);
    }

    [Fact]
    public async Task A_handler_failure_answers_a_failure_and_the_redelivery_is_processed_on_another_instance()
    {
        var (options, notification) = Paid();
        var log = new HandlerLog { FailuresLeft = 1 };
        await using var a = await NotificationApp.StartAsync("a", options, log, redis.Configuration);
        await using var b = await NotificationApp.StartAsync("b", options, log, redis.Configuration);

        var failed = await WeChatPaySandbox.SendNotificationAsync(a.NotifyUrl, notification);
        var retried = await WeChatPaySandbox.SendNotificationAsync(b.NotifyUrl, notification);

        Assert.Equal(500, failed.StatusCode);
        Assert.Contains("\"code\":\"FAIL\"", failed.Body);
        Assert.Equal(204, retried.StatusCode);
        Assert.Equal("b", Assert.Single(log.Processed).Instance);
    }

    [Fact]
    public async Task A_notification_that_does_not_verify_is_refused_with_401_and_never_handled()
    {
        var (options, notification) = Paid();
        var log = new HandlerLog();
        await using var a = await NotificationApp.StartAsync("a", options, log, redis.Configuration);
        var body = Encoding.UTF8.GetString(notification.Body).Replace("支付成功", "支付失败");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, a.NotifyUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in notification.Headers)
        {
            if (!string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                request.Headers.TryAddWithoutValidation(name, value);
        }

        using var answer = await http.SendAsync(request);

        Assert.Equal(401, (int)answer.StatusCode);
        Assert.Contains("\"code\":\"FAIL\"", await answer.Content.ReadAsStringAsync());
        Assert.Empty(log.Processed);
    }

    [Fact]
    public async Task With_the_default_memory_cache_one_instance_processes_a_redelivery_once()
    {
        var (options, notification) = Paid();
        var log = new HandlerLog();
        await using var a = await NotificationApp.StartAsync("a", options, log, redis: null);

        var first = await WeChatPaySandbox.SendNotificationAsync(a.NotifyUrl, notification);
        var second = await WeChatPaySandbox.SendNotificationAsync(a.NotifyUrl, notification);

        Assert.Equal((204, 204), (first.StatusCode, second.StatusCode));
        Assert.Single(log.Processed);
    }

    [Fact]
    public async Task An_event_type_without_a_handler_is_verified_and_acknowledged()
    {
        var (options, notification) = Paid("REFUND.SUCCESS");
        var log = new HandlerLog();
        await using var a = await NotificationApp.StartAsync("a", options, log, redis: null);

        var answer = await WeChatPaySandbox.SendNotificationAsync(a.NotifyUrl, notification);

        Assert.Equal(204, answer.StatusCode);
        Assert.Empty(log.Processed);
    }
}
