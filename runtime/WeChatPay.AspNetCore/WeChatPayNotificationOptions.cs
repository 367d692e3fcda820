namespace WeChatPay.AspNetCore;

/// <summary>How <c>MapWeChatPayNotifications</c> receives notifications.</summary>
public sealed class WeChatPayNotificationOptions
{
    /// <summary>
    /// How long a claim lasts while a handler runs (2 minutes by default). Longer than the slowest handler; if an
    /// instance dies mid-handler, a redelivery after this long is processed elsewhere.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a processed notification's ID is remembered (3 days by default), longer than WeChat Pay's redelivery
    /// schedule (15 attempts over about 24 hours).
    /// </summary>
    public TimeSpan ProcessedRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The prefix of the claim keys; the merchant ID and notification ID follow it.</summary>
    public string KeyPrefix { get; set; } = "wechatpay:notification:";

    /// <summary>The largest notification body read, in bytes (64 KiB by default); a larger one is refused with 413.</summary>
    public int MaxBodySize { get; set; } = 64 * 1024;
}
