namespace WeChatPay.AspNetCore;

/// <summary>What a claim on a notification found.</summary>
public enum NotificationClaim
{
    /// <summary>This instance holds the claim and must process the notification, then complete or release it.</summary>
    Claimed,

    /// <summary>The notification was processed already: acknowledge it without processing.</summary>
    AlreadyProcessed,

    /// <summary>Another instance is processing it now: answer a failure, so that WeChat Pay delivers it again later.</summary>
    InProgress,
}

/// <summary>
/// The shared record of which notifications are being or have been processed, keyed by notification ID. A claim is a
/// lease: if its holder neither completes nor releases it (it crashed), it expires and a redelivery is processed.
/// </summary>
public interface INotificationClaims
{
    /// <summary>Claims <paramref name="key"/> for <paramref name="lease"/> under <paramref name="token"/>, atomically.</summary>
    ValueTask<NotificationClaim> TryClaimAsync(string key, string token, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="key"/> processed for <paramref name="retention"/>.</summary>
    ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Gives up the claim under <paramref name="token"/>, if it is still held, so that a redelivery is processed.</summary>
    ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken);
}
