using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeChatPay;
using WeChatPay.Apis;

namespace Payments.Merchant;

/// <summary>
/// The merchant's notification endpoints: each body is verified against the WeChat Pay public key, decrypted with the
/// APIv3 key and processed once (<see cref="OrderBook"/>); anything that fails verification is answered with a
/// failure, so WeChat Pay delivers again, and nothing of it is used.
/// </summary>
public static class NotificationEndpoints
{
    public const string TransactionPath = "/wechatpay/notify/transaction";
    public const string RefundPath = "/wechatpay/notify/refund";

    public static void MapWeChatPayNotifications(this WebApplication app)
    {
        app.MapPost(TransactionPath, (RequestDelegate)(context => HandleAsync(context, async (client, headers, body, book, ct) =>
        {
            var notification = await client.ParseNotificationAsync(headers, body, WeChatPayApisJsonContext.Default.Transaction, ct);
            // Only a successful payment is booked; a redelivery of it finds it booked already.
            return notification.EventType != "TRANSACTION.SUCCESS" || book.RecordPayment(notification.Resource);
        })));
        app.MapPost(RefundPath, (RequestDelegate)(context => HandleAsync(context, async (client, headers, body, book, ct) =>
        {
            var notification = await client.ParseNotificationAsync(headers, body, WeChatPayApisJsonContext.Default.RefundNotice, ct);
            return book.RecordRefund(notification.Resource);
        })));
    }

    private delegate Task<bool> Handler(WeChatPayClient client, Func<string, string?> header, byte[] body, OrderBook book, CancellationToken cancellationToken);

    private static async Task HandleAsync(HttpContext context, Handler handle)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NotificationEndpoints));
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        NotificationAck ack;
        try
        {
            var fresh = await handle(services.GetRequiredService<WeChatPayClient>(), name => context.Request.Headers[name].ToString(), buffer.ToArray(),
                services.GetRequiredService<OrderBook>(), context.RequestAborted);
            if (!fresh)
                logger.LogInformation("Notification already processed; acknowledged again without processing it");
            ack = NotificationAck.Success;
        }
        catch (WeChatPayException ex)
        {
            // Not verified or not decrypted: refuse it, so that a genuine notification is delivered again.
            logger.LogWarning("Notification refused: {Reason}", ex.Message);
            ack = NotificationAck.Fail("verification failed");
        }
        context.Response.StatusCode = ack.StatusCode;
        if (ack.ContentType is { } contentType)
            context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(ack.Body, context.RequestAborted);
    }
}
