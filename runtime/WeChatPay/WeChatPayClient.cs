namespace WeChatPay;

/// <summary>
/// The entry point to WeChat Pay API v3 for one merchant: signs every request, verifies every response and
/// hands back only verified bytes. Thread-safe; create one per merchant and keep it for the process's lifetime.
/// Generated clients (<c>IThing.Create(client)</c>) and the untyped chain (<c>Chain</c>) run on it.
/// </summary>
public sealed partial class WeChatPayClient : IDisposable
{
    /// <summary>Creates a client that owns its HTTP stack, optionally over <paramref name="handler"/>.</summary>
    /// <exception cref="WeChatPayConfigurationException">The options or a key in them are invalid.</exception>
    public WeChatPayClient(WeChatPayOptions options, HttpMessageHandler? handler = null)
        => throw new NotImplementedException("TODO(pipeline)");

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/>.</summary>
    /// <exception cref="WeChatPayConfigurationException">The options or a key in them are invalid.</exception>
    public WeChatPayClient(WeChatPayOptions options, HttpClient httpClient)
        => throw new NotImplementedException("TODO(pipeline)");

    /// <summary>Signs and sends <paramref name="request"/>, verifies the response and returns it.</summary>
    /// <exception cref="WeChatPayApiException">WeChat Pay answered with a non-2xx status.</exception>
    /// <exception cref="WeChatPayVerificationException">The response failed verification.</exception>
    public Task<WeChatPayResponse> SendAsync(WeChatPayRequest request, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("TODO(pipeline)");

    /// <summary>The synchronous form of <see cref="SendAsync"/>, through <see cref="HttpClient.Send(HttpRequestMessage, CancellationToken)"/>.</summary>
    public WeChatPayResponse Send(WeChatPayRequest request, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("TODO(pipeline)");

    /// <summary>
    /// The platform key that encrypts sensitive request fields. Send its <see cref="PlatformKey.Id"/> as
    /// <see cref="WeChatPayRequest.WechatpaySerial"/> with the request it encrypted.
    /// </summary>
    public PlatformKey GetEncryptionKey() => throw new NotImplementedException("TODO(pipeline)");

    /// <summary>The asynchronous form of <see cref="GetEncryptionKey"/>; downloads certificates first when needed.</summary>
    public ValueTask<PlatformKey> GetEncryptionKeyAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException("TODO(pipeline)");

    /// <summary>Decrypts a sensitive response field with the merchant private key.</summary>
    public string DecryptSensitive(string ciphertext) => throw new NotImplementedException("TODO(pipeline)");

    /// <inheritdoc/>
    public void Dispose() => throw new NotImplementedException("TODO(pipeline)");
}
