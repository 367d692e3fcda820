using Microsoft.Extensions.DependencyInjection.Extensions;
using WeChatPay.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the notification endpoint's services: handlers, options and the claim store.</summary>
public static class WeChatPayNotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds notification handling; map the endpoint with <c>app.MapWeChatPayNotifications("/wechatpay/notify")</c>.
    /// Claims default to an in-memory <c>IDistributedCache</c> (one instance); call <c>UseRedis</c> for several.
    /// The <see cref="WeChatPay.WeChatPayClient"/> that verifies comes from the container (<c>AddWeChatPay</c>).
    /// </summary>
    public static WeChatPayNotificationsBuilder AddWeChatPayNotifications(this IServiceCollection services, Action<WeChatPayNotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var routes = new List<NotificationRoute>();
        services.AddOptions<WeChatPayNotificationOptions>();
        if (configure is not null)
            services.Configure(configure);
        services.AddDistributedMemoryCache();
        services.TryAddSingleton<INotificationClaims, DistributedCacheNotificationClaims>();
        services.AddSingleton(new NotificationRoutes(routes));
        services.TryAddSingleton<WeChatPayNotificationEndpoint>();
        return new WeChatPayNotificationsBuilder(services, routes);
    }
}
