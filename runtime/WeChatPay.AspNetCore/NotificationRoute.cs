using System.Text.Json.Serialization.Metadata;

namespace WeChatPay.AspNetCore;

/// <summary>One registered event type: how to read its resource and the handler that receives it.</summary>
internal abstract class NotificationRoute(string eventType)
{
    /// <summary>The event type, or a prefix ending in <c>.*</c> (<c>REFUND.*</c>).</summary>
    public string EventType { get; } = eventType;

    public bool Matches(string eventType) => EventType.EndsWith(".*", StringComparison.Ordinal)
        ? eventType.StartsWith(EventType[..^1], StringComparison.Ordinal)
        : string.Equals(EventType, eventType, StringComparison.Ordinal);

    /// <summary>Verifies and decrypts the notification; returns its ID and the call that runs the handler on it.</summary>
    public abstract ValueTask<(string Id, Func<IServiceProvider, CancellationToken, Task> Handle)> ReadAsync(
        WeChatPayClient client, Func<string, string?> header, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}

internal sealed class NotificationRoute<T>(string eventType, JsonTypeInfo<T> typeInfo, Func<WeChatPayNotification<T>, IServiceProvider, CancellationToken, Task> handler)
    : NotificationRoute(eventType)
{
    public override async ValueTask<(string Id, Func<IServiceProvider, CancellationToken, Task> Handle)> ReadAsync(
        WeChatPayClient client, Func<string, string?> header, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var notification = await client.ParseNotificationAsync(header, body, typeInfo, cancellationToken).ConfigureAwait(false);
        return (notification.Id, (services, token) => handler(notification, services, token));
    }
}
