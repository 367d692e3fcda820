using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WeChatPay.AspNetCore;

/// <summary>
/// Receives one notification: reads the raw body, verifies and decrypts it, claims its ID, runs the handler and
/// answers WeChat Pay: 204 when processed (or processed before), 401 when it does not verify, and a 5xx
/// <c>{"code":"FAIL",…}</c> when the handler failed or another instance holds it, so that WeChat Pay delivers again.
/// </summary>
internal sealed partial class WeChatPayNotificationEndpoint(
    NotificationRoutes routes, INotificationClaims claims, IOptions<WeChatPayNotificationOptions> options, ILogger<WeChatPayNotificationEndpoint> logger)
{
    private readonly WeChatPayNotificationOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        var ack = await AcknowledgeAsync(context).ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = ack.StatusCode;
        if (ack.ContentType is not null)
            response.ContentType = ack.ContentType;
        if (!ack.Body.IsEmpty)
            await response.Body.WriteAsync(ack.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<NotificationAck> AcknowledgeAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var body = await ReadBodyAsync(context.Request, aborted).ConfigureAwait(false);
        if (body is null)
            return NotificationAck.Fail("通知过大 (the notification is larger than the endpoint accepts)", 413);

        var client = context.RequestServices.GetRequiredService<WeChatPayClient>();
        var eventType = EventTypeOf(body) ?? "";
        var route = routes.Find(eventType);
        string id;
        Func<IServiceProvider, CancellationToken, Task> handle;
        try
        {
            var headers = context.Request.Headers;
            (id, handle) = route is null
                ? await Unhandled.ReadAsync(client, name => headers[name].ToString(), body, aborted).ConfigureAwait(false)
                : await route.ReadAsync(client, name => headers[name].ToString(), body, aborted).ConfigureAwait(false);
        }
        catch (WeChatPayVerificationException)
        {
            // The runtime has logged why; the answer says only that it was refused.
            return NotificationAck.Fail("验签失败 (the notification did not verify)", 401);
        }
        catch (WeChatPayException)
        {
            // Malformed, or genuine but unreadable as the handler's type: refused, so that it comes again after a fix.
            return NotificationAck.Fail("通知无法解析 (the notification could not be read)", 400);
        }

        if (route is null)
        {
            NoHandler(logger, id, eventType);
            return NotificationAck.Success;
        }

        var key = _options.KeyPrefix + client.MerchantId + ":" + id;
        var token = Guid.NewGuid().ToString("N");
        switch (await claims.TryClaimAsync(key, token, _options.ClaimLease, aborted).ConfigureAwait(false))
        {
            case NotificationClaim.AlreadyProcessed:
                Duplicate(logger, id, eventType);
                return NotificationAck.Success;
            case NotificationClaim.InProgress:
                InProgress(logger, id, eventType);
                return NotificationAck.Fail("处理中，请稍后重试 (being processed; deliver again later)", 503);
        }

        try
        {
            await handle(context.RequestServices, aborted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await claims.ReleaseAsync(key, token, CancellationToken.None).ConfigureAwait(false);
            if (ex is OperationCanceledException && aborted.IsCancellationRequested)
                throw;
            HandlerFailed(logger, id, eventType, ex);
            return NotificationAck.Fail("处理失败，请稍后重试 (the handler failed; deliver again later)");
        }

        await claims.CompleteAsync(key, _options.ProcessedRetention, CancellationToken.None).ConfigureAwait(false);
        Processed(logger, id, eventType);
        return NotificationAck.Success;
    }

    /// <summary>The raw body, or null when it is larger than <see cref="WeChatPayNotificationOptions.MaxBodySize"/>.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var cap = _options.MaxBodySize;
        if (request.ContentLength > cap)
            return null;
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return buffer.WrittenSpan.ToArray();
            buffer.Advance(read);
            if (buffer.WrittenCount > cap)
                return null;
        }
    }

    /// <summary>The envelope's <c>event_type</c>, read before verification only to choose the resource type.</summary>
    private static string? EventTypeOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEventType = reader.ValueTextEquals("event_type"u8);
                reader.Read();
                if (isEventType && reader.TokenType == JsonTokenType.String)
                    return reader.GetString();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>Verifies a notification no handler takes, so that only a genuine one is acknowledged.</summary>
    private static readonly NotificationRoute Unhandled = new NotificationRoute<JsonElement>("*", NotificationJsonContext.Default.JsonElement, static (_, _, _) => Task.CompletedTask);

    [LoggerMessage(1, LogLevel.Information, "WeChat Pay notification {NotificationId} ({EventType}) processed")]
    private static partial void Processed(ILogger logger, string notificationId, string eventType);

    [LoggerMessage(2, LogLevel.Information, "WeChat Pay notification {NotificationId} ({EventType}) was processed before; acknowledged again")]
    private static partial void Duplicate(ILogger logger, string notificationId, string eventType);

    [LoggerMessage(3, LogLevel.Information, "WeChat Pay notification {NotificationId} ({EventType}) is being processed by another instance; WeChat Pay will deliver it again")]
    private static partial void InProgress(ILogger logger, string notificationId, string eventType);

    [LoggerMessage(4, LogLevel.Error, "WeChat Pay notification {NotificationId} ({EventType}) failed in its handler; WeChat Pay will deliver it again")]
    private static partial void HandlerFailed(ILogger logger, string notificationId, string eventType, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "WeChat Pay notification {NotificationId} ({EventType}) has no handler; acknowledged")]
    private static partial void NoHandler(ILogger logger, string notificationId, string eventType);
}
