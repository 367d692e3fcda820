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

    /// <summary>Whether any of the four main headers (timestamp, nonce, signature, serial) is present.</summary>
    public bool IsPresent => Timestamp is not null || Nonce is not null || Signature is not null || Serial is not null;

    /// <summary>Whether all four main headers are present.</summary>
    public bool IsComplete => Timestamp is not null && Nonce is not null && Signature is not null && Serial is not null;

    /// <summary>Reads the headers from a response's (or a request's) header collection.</summary>
    public static SignatureHeaders From(HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new SignatureHeaders(Get(headers, TimestampHeader), Get(headers, NonceHeader), Get(headers, SignatureHeader), Get(headers, SerialHeader), Get(headers, SignatureTypeHeader));
    }

    /// <inheritdoc/>
    public override string ToString()
        => $"SignatureHeaders {{ Timestamp = {Timestamp}, Nonce = {Nonce}, Signature = {(Signature is null ? "(absent)" : "(present)")}, Serial = {Serial}, SignatureType = {SignatureType} }}";

    private static string? Get(HttpHeaders headers, string name)
    {
        // NonValidated: the values as received, without HttpHeaders parsing and caching them on every response.
        if (!headers.NonValidated.TryGetValues(name, out var values))
            return null;
        string? first = null;
        foreach (var value in values)
        {
            // A repeated signature header is ambiguous; treat it as absent so that verification fails closed.
            if (first is not null)
                return "";
            first = value;
        }

        return first?.Trim();
    }
}
