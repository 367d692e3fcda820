using System.Net.Http.Headers;

namespace WeChatPay;

/// <summary>
/// The <c>Wechatpay-*</c> signature headers of a response or a notification. <see cref="ToString"/> leaves out the
/// signature.
/// </summary>
/// <param name="Timestamp"><c>Wechatpay-Timestamp</c>: Unix seconds.</param>
/// <param name="Nonce"><c>Wechatpay-Nonce</c>.</param>
/// <param name="Signature"><c>Wechatpay-Signature</c>: base64.</param>
/// <param name="Serial"><c>Wechatpay-Serial</c>: the platform key ID (<c>PUB_KEY_ID_…</c> or a certificate serial).</param>
/// <param name="SignatureType"><c>Wechatpay-Signature-Type</c>, when sent: <c>WECHATPAY2-SHA256-RSA2048</c> or <c>WECHATPAY2-SM2-WITH-SM3</c>.</param>
public readonly record struct SignatureHeaders(string? Timestamp, string? Nonce, string? Signature, string? Serial, string? SignatureType)
{
    /// <summary>The header names.</summary>
    public const string TimestampHeader = "Wechatpay-Timestamp",
        NonceHeader = "Wechatpay-Nonce",
        SignatureHeader = "Wechatpay-Signature",
        SerialHeader = "Wechatpay-Serial",
        SignatureTypeHeader = "Wechatpay-Signature-Type";

    /// <summary>
    /// The first signature header that arrived more than once, if any. A repeated header is ambiguous, so
    /// <see cref="SignatureVerifier.Verify"/> fails such a set instead of guessing which value was signed.
    /// </summary>
    public string? RepeatedHeader { get; init; }

    /// <summary>Whether any of the four main headers (timestamp, nonce, signature, serial) is present.</summary>
    public bool IsPresent => Timestamp is not null || Nonce is not null || Signature is not null || Serial is not null;

    /// <summary>Whether all four main headers are present.</summary>
    public bool IsComplete => Timestamp is not null && Nonce is not null && Signature is not null && Serial is not null;

    /// <summary>Reads the headers from a response's (or a request's) header collection.</summary>
    public static SignatureHeaders From(HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? repeated = null;
        return new SignatureHeaders(
            Get(headers, TimestampHeader, ref repeated), Get(headers, NonceHeader, ref repeated), Get(headers, SignatureHeader, ref repeated),
            Get(headers, SerialHeader, ref repeated), Get(headers, SignatureTypeHeader, ref repeated))
        {
            RepeatedHeader = repeated,
        };
    }

    /// <inheritdoc/>
    public override string ToString()
        => $"SignatureHeaders {{ Timestamp = {Timestamp}, Nonce = {Nonce}, Signature = {(Signature is null ? "(absent)" : "(present)")}, Serial = {Serial}, SignatureType = {SignatureType} }}";

    private static string? Get(HttpHeaders headers, string name, ref string? repeated)
    {
        // NonValidated: the values as received, without HttpHeaders parsing and caching them on every response.
        if (!headers.NonValidated.TryGetValues(name, out var values))
            return null;
        if (values.Count > 1)
            repeated ??= name;
        foreach (var value in values)
            return value.Trim();
        return null;
    }
}
