namespace WeChatPay.Testing;

/// <summary>One attempt of the sandbox to deliver a notification to a merchant's <c>notify_url</c>.</summary>
/// <param name="Notification">The notification, with the headers of this attempt (each attempt is signed afresh).</param>
/// <param name="NotifyUrl">Where it was POSTed.</param>
/// <param name="Attempt">1 for the first delivery, 2 for the first retry, and so on.</param>
/// <param name="StatusCode">The merchant's HTTP status, or null when no answer came (refused, reset, timed out).</param>
/// <param name="Error">Why no answer came, or null.</param>
/// <param name="Time">When the attempt ended, on the sandbox's clock.</param>
public sealed record SandboxDeliveryAttempt(SandboxNotification Notification, Uri NotifyUrl, int Attempt, int? StatusCode, string? Error, DateTimeOffset Time)
{
    /// <summary>Whether WeChat Pay takes the answer as an acknowledgement (200 or 204); otherwise it retries.</summary>
    public bool Acknowledged => StatusCode is 200 or 204;

    /// <summary>The notification ID (<c>id</c>), the same on every attempt.</summary>
    public string NotificationId => Notification.Id;

    /// <summary>The event type, for example <c>TRANSACTION.SUCCESS</c>.</summary>
    public string EventType => Notification.EventType;
}
