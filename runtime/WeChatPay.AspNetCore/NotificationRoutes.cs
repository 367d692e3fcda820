namespace WeChatPay.AspNetCore;

/// <summary>The registered routes; the first that matches an event type handles it.</summary>
internal sealed class NotificationRoutes(List<NotificationRoute> routes)
{
    public NotificationRoute? Find(string eventType) => routes.FirstOrDefault(r => r.Matches(eventType));
}
