namespace WeChatPay;

/// <summary>
/// A verified, decrypted WeChat Pay notification (回调通知): the envelope and the plaintext resource.
/// Only ever built from a body whose signature verified and whose resource decrypted.
/// </summary>
/// <typeparam name="T">The resource type, read through the caller's <c>JsonTypeInfo&lt;T&gt;</c>.</typeparam>
public sealed class WeChatPayNotification<T>
{
    internal WeChatPayNotification(string id, DateTimeOffset? createTime, string? eventType, string? resourceType, string? summary, string? originalType, T resource, ReadOnlyMemory<byte> plaintext)
    {
        Id = id;
        CreateTime = createTime;
        EventType = eventType;
        ResourceType = resourceType;
        Summary = summary;
        OriginalType = originalType;
        Resource = resource;
        Plaintext = plaintext;
    }

    /// <summary>The notification ID (<c>id</c>); the same ID may arrive more than once, so handle it idempotently.</summary>
    public string Id { get; }

    /// <summary>When WeChat Pay created the notification (<c>create_time</c>).</summary>
    public DateTimeOffset? CreateTime { get; }

    /// <summary>The event, for example <c>TRANSACTION.SUCCESS</c> (<c>event_type</c>).</summary>
    public string? EventType { get; }

    /// <summary>The resource type, usually <c>encrypt-resource</c> (<c>resource_type</c>).</summary>
    public string? ResourceType { get; }

    /// <summary>WeChat Pay's short summary (<c>summary</c>).</summary>
    public string? Summary { get; }

    /// <summary>The type of the object before encryption (<c>resource.original_type</c>), for example <c>transaction</c>.</summary>
    public string? OriginalType { get; }

    /// <summary>The decrypted resource.</summary>
    public T Resource { get; }

    /// <summary>The decrypted resource as raw UTF-8 JSON, exactly as decrypted.</summary>
    public ReadOnlyMemory<byte> Plaintext { get; }

    /// <inheritdoc/>
    public override string ToString() => $"WeChatPayNotification {{ Id = {Id}, EventType = {EventType}, CreateTime = {CreateTime:O} }}";
}

/// <summary>
/// The answer to give WeChat Pay after handling a notification: success is <c>200</c> or <c>204</c> with an empty body;
/// failure is a 4xx/5xx status with <c>{"code":"FAIL","message":"…"}</c>, after which WeChat Pay retries.
/// </summary>
public sealed class NotificationAck
{
    private static readonly byte[] Empty = [];

    private NotificationAck(int statusCode, byte[] body, string? contentType)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
    }

    /// <summary>Success: <c>204 No Content</c>, empty body.</summary>
    public static NotificationAck Success { get; } = new(204, Empty, null);

    /// <summary>Success as <c>200 OK</c> with an empty body, for frameworks that prefer 200.</summary>
    public static NotificationAck SuccessOk { get; } = new(200, Empty, null);

    /// <summary>The HTTP status to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>The body to answer with (empty for success).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body's content type, <c>application/json</c> for a failure, <see langword="null"/> for success.</summary>
    public string? ContentType { get; }

    /// <summary>Whether this acknowledges success.</summary>
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>Failure: <c>{"code":"FAIL","message":"…"}</c> with a 4xx or 5xx status (500 by default); WeChat Pay will retry.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not 4xx or 5xx.</exception>
    public static NotificationAck Fail(string message, int statusCode = 500)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (statusCode is < 400 or > 599)
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A failure acknowledgement needs a 4xx or 5xx status; WeChat Pay treats 2xx as success.");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("code", "FAIL");
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return new NotificationAck(statusCode, buffer.WrittenSpan.ToArray(), "application/json");
    }

    /// <inheritdoc/>
    public override string ToString() => $"NotificationAck {{ StatusCode = {StatusCode}, Length = {Body.Length} }}";
}
