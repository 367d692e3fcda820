using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WeChatPay.AspNetCore;

/// <summary>Returned by <c>AddWeChatPayNotifications</c>: registers a handler per event type and where claims are kept.</summary>
public sealed class WeChatPayNotificationsBuilder
{
    internal WeChatPayNotificationsBuilder(IServiceCollection services, List<NotificationRoute> routes)
    {
        Services = services;
        Routes = routes;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    internal List<NotificationRoute> Routes { get; }

    /// <summary>
    /// Handles notifications of <paramref name="eventType"/> (for example <c>TRANSACTION.SUCCESS</c>, or
    /// <c>REFUND.*</c> for every refund event), whose decrypted resource <paramref name="typeInfo"/> reads. The
    /// handler runs once per notification ID; if it throws, WeChat Pay is answered a failure and delivers again.
    /// </summary>
    public WeChatPayNotificationsBuilder On<T>(string eventType, JsonTypeInfo<T> typeInfo, Func<WeChatPayNotification<T>, IServiceProvider, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(handler);
        if (Routes.Any(r => r.EventType == eventType))
            throw new ArgumentException($"A handler for '{eventType}' is already registered.", nameof(eventType));
        Routes.Add(new NotificationRoute<T>(eventType, typeInfo, handler));
        return this;
    }

    /// <summary>
    /// Keeps claims in Redis, shared by every instance, so that each notification is processed once behind a load
    /// balancer; also registers Redis as the application's <c>IDistributedCache</c> (Microsoft.Extensions.Caching.StackExchangeRedis).
    /// </summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, such as <c>redis:6379,password=…</c>.</param>
    public WeChatPayNotificationsBuilder UseRedis(string configuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        Services.AddStackExchangeRedisCache(o => o.Configuration = configuration);
        Services.RemoveAll<INotificationClaims>();
        Services.AddSingleton<INotificationClaims>(_ => new RedisNotificationClaims(configuration));
        return this;
    }
}
