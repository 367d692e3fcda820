using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WeChatPay.Tool.Tests.Readme;

/// <summary>
/// The README's notification endpoint, compiled and served here. The text between the <c>README</c> markers is the
/// README's, word for word (<see cref="ReadmeSnippetTests"/> checks it).
/// </summary>
internal static class NotificationSnippet
{
    /// <summary>Maps the README's endpoint; <paramref name="handleAsync"/> stands for the application's own handling.</summary>
    public static void Map(WebApplication app, Func<string, CouponUseEvent, Task<bool>> handleAsync)
    {
        Task<bool> HandleAsync(string id, CouponUseEvent coupon) => handleAsync(id, coupon);

        // README notifications begin
        app.MapPost("/wechatpay/notify", async (HttpRequest request, HttpResponse response, WeChatPayClient client) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);              // the raw bytes: never a model-bound object
            NotificationAck ack;
            try
            {
                var notification = await client.ParseNotificationAsync(name => request.Headers[name].ToString(),
                    buffer.ToArray(), NotifyJson.Default.CouponUseEvent);
                // notification.Id, .EventType, .Resource (typed): only after verification and decryption
                ack = await HandleAsync(notification.Id, notification.Resource)  // yours; idempotent, the same Id may come again
                    ? NotificationAck.Success                                   // 204
                    : NotificationAck.Fail("稍后重试");                         // 500 {"code":"FAIL",…}: WeChat Pay retries
            }
            catch (WeChatPayException)
            {
                ack = NotificationAck.Fail("验签失败", 401);                    // not provably WeChat Pay's: 401 {"code":"FAIL",…}
            }
            response.StatusCode = ack.StatusCode;
            response.ContentType = ack.ContentType;                              // application/json for a failure
            if (!ack.Body.IsEmpty)
                await response.Body.WriteAsync(ack.Body);
        });
        // README notifications end
    }
}

// README notifications types begin
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]  // WeChat Pay's field names
[JsonSerializable(typeof(CouponUseEvent))]
internal sealed partial class NotifyJson : JsonSerializerContext;

public sealed record CouponUseEvent(string StockId, string CouponCode, string CouponState);
// README notifications types end
