using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace WeChatPay;

// Notifications (回调通知): verify the signature over the raw body, check the timestamp window, decrypt the
// resource, then read it through the caller's JsonTypeInfo<T>. Nothing is returned unless every step succeeded.
public sealed partial class WeChatPayClient
{
    /// <summary>
    /// Verifies and decrypts a notification from its <c>Wechatpay-*</c> headers and the raw body bytes, exactly as
    /// received (never re-serialized JSON). A notification signed by an unknown key triggers one certificate refresh
    /// (when downloads are on), synchronously; prefer <see cref="ParseNotificationAsync{T}(HttpHeaders, ReadOnlyMemory{byte}, JsonTypeInfo{T}, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="WeChatPayVerificationException">A header is missing, the signature or timestamp is wrong, the key is unknown, or the resource does not decrypt.</exception>
    /// <exception cref="WeChatPayException">The verified body or the decrypted resource is not the expected JSON.</exception>
    public WeChatPayNotification<T> ParseNotification<T>(HttpHeaders headers, ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Completed(ParseNotificationCoreAsync(SignatureHeaders.From(headers), body.ToArray(), typeInfo, useAsync: false, CancellationToken.None));
    }

    /// <summary>
    /// The same as <see cref="ParseNotification{T}(HttpHeaders, ReadOnlySpan{byte}, JsonTypeInfo{T})"/>, with the headers
    /// read through <paramref name="header"/>, for example <c>name =&gt; request.Headers[name]</c> in ASP.NET Core.
    /// </summary>
    public WeChatPayNotification<T> ParseNotification<T>(Func<string, string?> header, ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
        => Completed(ParseNotificationCoreAsync(ReadSignatureHeaders(header), body.ToArray(), typeInfo, useAsync: false, CancellationToken.None));

    /// <summary>Verifies and decrypts a notification; see <see cref="ParseNotification{T}(HttpHeaders, ReadOnlySpan{byte}, JsonTypeInfo{T})"/>.</summary>
    public ValueTask<WeChatPayNotification<T>> ParseNotificationAsync<T>(HttpHeaders headers, ReadOnlyMemory<byte> body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return ParseNotificationCoreAsync(SignatureHeaders.From(headers), body, typeInfo, useAsync: true, cancellationToken);
    }

    /// <summary>Verifies and decrypts a notification, with the headers read through <paramref name="header"/>.</summary>
    /// <example>
    /// In an ASP.NET Core endpoint, read the raw body (never a model-bound object) and answer with the acknowledgement:
    /// <code>
    /// app.MapPost("/wechatpay/notify", async (HttpRequest request, WeChatPayClient client) =>
    /// {
    ///     using var buffer = new MemoryStream();
    ///     await request.Body.CopyToAsync(buffer);
    ///     NotificationAck ack;
    ///     try
    ///     {
    ///         var notification = await client.ParseNotificationAsync(name => request.Headers[name], buffer.ToArray(), MyJson.Default.Transaction);
    ///         await HandleAsync(notification.Id, notification.Resource); // idempotent: the same id may arrive again
    ///         ack = NotificationAck.Success;
    ///     }
    ///     catch (WeChatPayException)
    ///     {
    ///         ack = NotificationAck.Fail("verification failed");
    ///     }
    ///     return Results.Bytes(ack.Body.ToArray(), ack.ContentType, statusCode: ack.StatusCode);
    /// });
    /// </code>
    /// </example>
    public ValueTask<WeChatPayNotification<T>> ParseNotificationAsync<T>(Func<string, string?> header, ReadOnlyMemory<byte> body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => ParseNotificationCoreAsync(ReadSignatureHeaders(header), body, typeInfo, useAsync: true, cancellationToken);

    private static T Completed<T>(ValueTask<T> pending) => pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private static SignatureHeaders ReadSignatureHeaders(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new SignatureHeaders(
            Read(SignatureHeaders.TimestampHeader), Read(SignatureHeaders.NonceHeader), Read(SignatureHeaders.SignatureHeader),
            Read(SignatureHeaders.SerialHeader), Read(SignatureHeaders.SignatureTypeHeader));

        string? Read(string name) => header(name) is { Length: > 0 } value ? value.Trim() : null;
    }

    private async ValueTask<WeChatPayNotification<T>> ParseNotificationCoreAsync<T>(SignatureHeaders signature, ReadOnlyMemory<byte> body, JsonTypeInfo<T> typeInfo, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            var notification = await VerifyAndReadNotificationAsync(signature, body, typeInfo, useAsync, cancellationToken).ConfigureAwait(false);
            WeChatPayLog.NotificationVerified(_logger, notification.Id, notification.EventType);
            return notification;
        }
        catch (WeChatPayException ex)
        {
            if (ex is WeChatPayVerificationException)
                WeChatPayTelemetry.Verifications.Add(1, new KeyValuePair<string, object?>("url.template", "(notification)"));
            WeChatPayLog.NotificationRefused(_logger, ex.Message);
            throw;
        }
    }

    private async ValueTask<WeChatPayNotification<T>> VerifyAndReadNotificationAsync<T>(SignatureHeaders signature, ReadOnlyMemory<byte> body, JsonTypeInfo<T> typeInfo, bool useAsync, CancellationToken cancellationToken)
    {
        var result = VerifyNotification(in signature, body.Span);
        if (result == VerificationResult.UnknownSerial && _certificates is not null)
        {
            await _certificates.RefreshForUnknownSerialAsync(useAsync, cancellationToken).ConfigureAwait(false);
            result = VerifyNotification(in signature, body.Span);
        }

        switch (result)
        {
            case VerificationResult.Verified:
                break;
            case VerificationResult.MissingHeaders:
                throw new WeChatPayVerificationException(
                    "The notification is missing WeChat Pay signature headers (Wechatpay-Timestamp, -Nonce, -Signature and -Serial); pass the request's headers as received.");
            default:
                throw new WeChatPayVerificationException(
                    $"The notification is signed with the platform key '{signature.Serial}', which this client does not have"
                    + (_certificates is null ? "; configure that public key or certificate, or turn on DownloadPlatformCertificates." : " even after refreshing the platform certificates."));
        }

        return ReadNotification(body.Span, typeInfo);
    }

    private VerificationResult VerifyNotification(in SignatureHeaders signature, ReadOnlySpan<byte> body)
    {
        try
        {
            return _verifier.Verify(in signature, body);
        }
        catch (WeChatPayVerificationException ex)
        {
            throw new WeChatPayVerificationException($"The notification failed verification: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>Reads the verified envelope, decrypts <c>resource</c> and deserializes it.</summary>
    private WeChatPayNotification<T> ReadNotification<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
    {
        string id;
        string? createTime, eventType, resourceType, summary, algorithm, ciphertext, associatedData, nonce, originalType;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw NotificationMalformed("it is not a JSON object");
            id = Text(root, "id") ?? throw NotificationMalformed("it has no id");
            createTime = Text(root, "create_time");
            eventType = Text(root, "event_type");
            resourceType = Text(root, "resource_type");
            summary = Text(root, "summary");
            if (!root.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
                throw NotificationMalformed("it has no resource object");
            algorithm = Text(resource, "algorithm");
            ciphertext = Text(resource, "ciphertext") ?? throw NotificationMalformed("resource.ciphertext is missing");
            associatedData = Text(resource, "associated_data") ?? "";
            nonce = Text(resource, "nonce") ?? throw NotificationMalformed("resource.nonce is missing");
            originalType = Text(resource, "original_type");
        }
        catch (JsonException ex)
        {
            throw NotificationMalformed("it is not valid JSON", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw NotificationMalformed("a string in it is not valid UTF-16", ex);
        }

        var apiV3Key = ApiV3Key ?? throw new WeChatPayException("Decrypting a notification needs WeChatPayOptions.ApiV3Key.");
        var plaintext = algorithm switch
        {
            "AEAD_AES_256_GCM" => AeadAesGcm.DecryptToBytes(apiV3Key, nonce, associatedData, ciphertext),
            "AEAD_SM4_GCM" => AeadSm4Gcm.DecryptToBytes(apiV3Key, nonce, associatedData, ciphertext),
            _ => throw new WeChatPayVerificationException($"The notification resource uses the unknown algorithm '{algorithm}'; expected AEAD_AES_256_GCM or AEAD_SM4_GCM."),
        };

        T value;
        try
        {
            value = JsonSerializer.Deserialize(plaintext, typeInfo) ?? throw new JsonException("The resource is JSON null.");
        }
        catch (Exception ex) when (WeChatPayResponse.IsReadFailure(ex))
        {
            throw new WeChatPayException($"The decrypted notification resource could not be read as {typeof(T).Name}: {ex.Message}", innerException: ex);
        }

        DateTimeOffset? created = DateTimeOffset.TryParse(createTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        return new WeChatPayNotification<T>(id, created, eventType, resourceType, summary, originalType, value, plaintext);

        static string? Text(JsonElement element, string name)
            => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    private static WeChatPayException NotificationMalformed(string why, Exception? inner = null)
        => new($"The verified notification body could not be read: {why}.", innerException: inner);
}
