namespace WeChatPay;

/// <summary>
/// One request as the generated code (or the untyped chain) hands it to <see cref="WeChatPayClient"/>:
/// the method, the escaped request target, extra headers and the exact body bytes that are signed and sent.
/// </summary>
public sealed class WeChatPayRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">
    /// The request target relative to <see cref="WeChatPayOptions.BaseAddress"/>, already escaped, with its query
    /// string, for example <c>v3/marketing/busifavor/stocks/123/couponcodes?limit=10</c>. A leading slash is allowed.
    /// </param>
    public WeChatPayRequest(HttpMethod method, string pathAndQuery)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        PathAndQuery = pathAndQuery ?? throw new ArgumentNullException(nameof(pathAndQuery));
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped request target relative to the base address, with its query string.</summary>
    public string PathAndQuery { get; }

    /// <summary>
    /// The declared path template, for example <c>v3/marketing/busifavor/stocks/{stock_id}/couponcodes</c>, set by
    /// generated code; the <c>url.template</c> tag of traces and metrics. Never holds a filled-in path value.
    /// </summary>
    public string? UrlTemplate { get; init; }

    /// <summary>The exact body bytes to sign and send; empty for no body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body's content type, <c>application/json</c> by default when there is a body.</summary>
    public string? ContentType { get; init; }

    /// <summary>Extra request headers, sent as given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>
    /// The platform key ID to send as <c>Wechatpay-Serial</c>. Set it to the ID of the key that encrypted the
    /// request's sensitive fields; when <see langword="null"/>, the client names its preferred verification key.
    /// </summary>
    public string? WechatpaySerial { get; init; }

    /// <summary>
    /// Set only for the endpoints WeChat Pay documents as answering without a signature, such as the bill file
    /// download (<c>v3/billdownload/file</c>), whose integrity is checked against the <c>hash_value</c> of the
    /// request that issued its URL. A 2xx answer without signature headers is then returned with
    /// <see cref="WeChatPayResponse.IsSignatureVerified"/> false; signature headers that are present are still verified.
    /// </summary>
    public bool ExpectUnsignedResponse { get; init; }

    /// <summary>
    /// The HTTP content used to send the body, instead of <see cref="Body"/>; used for multipart media uploads,
    /// where the signed body (<see cref="Body"/>) is the <c>meta</c> JSON and differs from what is sent.
    /// </summary>
    public HttpContent? Content { get; init; }
}
