using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the WeChat Pay notification endpoint.</summary>
public static class WeChatPayNotificationEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as the notification URL (<c>notify_url</c>) that WeChat Pay calls.
    /// Needs <c>AddWeChatPay</c> and <c>AddWeChatPayNotifications</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapWeChatPayNotifications(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var endpoint = endpoints.ServiceProvider.GetService<WeChatPayNotificationEndpoint>()
            ?? throw new InvalidOperationException("Call services.AddWeChatPayNotifications() before MapWeChatPayNotifications.");
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync);
    }
}
