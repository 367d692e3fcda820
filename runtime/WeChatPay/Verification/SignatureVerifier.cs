using System.Buffers;
using System.Globalization;
using System.Text;

namespace WeChatPay;

/// <summary>The outcome of <see cref="SignatureVerifier.Verify"/> when it does not throw.</summary>
public enum VerificationResult
{
    /// <summary>The signature verified with the key <c>Wechatpay-Serial</c> names, inside the time window.</summary>
    Verified = 0,

    /// <summary>None of the signature headers is present. The caller decides (an error response is surfaced unverified; a success fails).</summary>
    MissingHeaders = 1,

    /// <summary><c>Wechatpay-Serial</c> names no known key. The caller may refresh the certificates once and verify again, else fail.</summary>
    UnknownSerial = 2,
}

/// <summary>
/// Verifies WeChat Pay signatures on responses and notifications: the message <c>TIMESTAMP\nNONCE\nBODY\n</c> over
/// the raw body bytes, signed by the platform key <c>Wechatpay-Serial</c> names, with a timestamp within
/// <see cref="MaxClockSkew"/> of now. Fails closed. Thread-safe.
/// </summary>
public sealed class SignatureVerifier
{
    /// <summary>How far <c>Wechatpay-Timestamp</c> may be from now: 300 seconds, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(300);

    /// <summary>The prefix of WeChat Pay's probe signatures, which must never verify.</summary>
    public const string ProbeSignaturePrefix = "WECHATPAY/SIGNTEST/";

    private const int StackMessageLimit = 1024;

    private readonly PlatformKeyStore _keys;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier over <paramref name="keys"/>, judging timestamps by <paramref name="timeProvider"/>.</summary>
    public SignatureVerifier(PlatformKeyStore keys, TimeProvider timeProvider)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The keys this verifier uses.</summary>
    public PlatformKeyStore Keys => _keys;

    /// <summary>Verifies <paramref name="headers"/> against <paramref name="body"/>, the raw bytes received (empty allowed).</summary>
    /// <returns><see cref="VerificationResult.Verified"/>, or why verification could not start.</returns>
    /// <exception cref="WeChatPayVerificationException">
    /// A header is repeated, headers are partly missing, the certificate is outside its validity, the timestamp is malformed or outside the window, the signature is a probe, is not
    /// base64, uses another scheme than the key, or does not verify.
    /// </exception>
    public VerificationResult Verify(in SignatureHeaders headers, ReadOnlySpan<byte> body)
    {
        if (headers.RepeatedHeader is { } repeated)
            throw new WeChatPayVerificationException($"The {repeated} header is repeated, so which value was signed is ambiguous; the signature headers must each appear once.");
        if (!headers.IsPresent)
            return VerificationResult.MissingHeaders;
        if (!headers.IsComplete)
            throw new WeChatPayVerificationException($"The response carries only some of the signature headers; missing: {Missing(headers)}.");

        var timestampText = headers.Timestamp!;
        if (timestampText.Length is 0 or > 18 || !long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            throw new WeChatPayVerificationException("The Wechatpay-Timestamp header is not a number of Unix seconds.");
        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > (long)MaxClockSkew.TotalSeconds)
            throw new WeChatPayVerificationException($"The Wechatpay-Timestamp is {now - timestamp} s from now, outside the allowed {(long)MaxClockSkew.TotalSeconds} s; the response may be a replay, or the local clock is wrong.");

        var signatureText = headers.Signature!;
        if (signatureText.StartsWith(ProbeSignaturePrefix, StringComparison.Ordinal))
            throw new WeChatPayVerificationException("The Wechatpay-Signature is a WeChat Pay probe signature (WECHATPAY/SIGNTEST/), which never verifies.");

        var serial = headers.Serial!;
        if (!_keys.TryGet(serial, out var key))
            return VerificationResult.UnknownSerial;
        if (key.Kind == PlatformKeyKind.Certificate)
        {
            var utcNow = _timeProvider.GetUtcNow();
            if (utcNow > key.NotAfter)
                throw new WeChatPayVerificationException($"The platform certificate {key.Id} expired at {key.NotAfter:u} and verifies nothing after that; configure its successor, or turn on DownloadPlatformCertificates.");
            if (utcNow < key.NotBefore)
                throw new WeChatPayVerificationException($"The platform certificate {key.Id} is not valid before {key.NotBefore:u}; check the local clock.");
        }

        if (headers.SignatureType is { } type)
        {
            if (!SignatureSchemeNames.TryParse(type, out var scheme))
                throw new WeChatPayVerificationException("The Wechatpay-Signature-Type names an unknown signature scheme.");
            if (scheme != key.Scheme)
                throw new WeChatPayVerificationException($"The Wechatpay-Signature-Type is {type}, but platform key {key.Id} is a {key.Scheme.ToName()} key.");
        }

        if (signatureText.Length > 4096)
            throw new WeChatPayVerificationException("The Wechatpay-Signature is too long to be a signature.");
        Span<byte> signature = stackalloc byte[signatureText.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(signatureText, signature, out var signatureLength))
            throw new WeChatPayVerificationException("The Wechatpay-Signature is not valid base64.");

        var nonce = headers.Nonce!;
        var length = timestampText.Length + 1 + Encoding.UTF8.GetByteCount(nonce) + 1 + body.Length + 1;
        byte[]? rented = null;
        Span<byte> message = length <= StackMessageLimit ? stackalloc byte[StackMessageLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var n = Encoding.ASCII.GetBytes(timestampText, message);
            message[n++] = (byte)'\n';
            n += Encoding.UTF8.GetBytes(nonce, message[n..]);
            message[n++] = (byte)'\n';
            body.CopyTo(message[n..]);
            n += body.Length;
            message[n++] = (byte)'\n';

            if (!key.Verify(message[..n], signature[..signatureLength]))
                throw new WeChatPayVerificationException($"The Wechatpay-Signature does not verify with platform key {key.Id}: the body, timestamp, nonce or signature was altered, or the key is wrong.");
        }
        finally
        {
            if (rented is not null)
            {
                rented.AsSpan(0, Math.Min(length, rented.Length)).Clear();
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return VerificationResult.Verified;
    }

    private static string Missing(in SignatureHeaders headers)
    {
        var missing = new List<string>(4);
        if (headers.Timestamp is null) missing.Add(SignatureHeaders.TimestampHeader);
        if (headers.Nonce is null) missing.Add(SignatureHeaders.NonceHeader);
        if (headers.Signature is null) missing.Add(SignatureHeaders.SignatureHeader);
        if (headers.Serial is null) missing.Add(SignatureHeaders.SerialHeader);
        return string.Join(", ", missing);
    }
}
