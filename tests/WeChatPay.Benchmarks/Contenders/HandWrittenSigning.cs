using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.Benchmarks.Contenders;

/// <summary>
/// The signing and verification a careful user writes by hand for Refit's <c>DelegatingHandler</c> and for the
/// hand-written <see cref="HttpClient"/> floor: the same WeChat Pay rules as the SDK, over pooled buffers and spans.
/// Both contenders share it, so the comparison isolates what Refit (or the SDK) adds around it.
/// </summary>
public sealed class HandWrittenSigning(
    RSA merchantKey, string merchantId, string merchantSerialNumber, RSA platformPublicKey, string platformKeyId, TimeProvider time)
{
    /// <summary>The platform key this user verifies with; sent as <c>Wechatpay-Serial</c>.</summary>
    public string PlatformKeyId => platformKeyId;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary><c>Authorization</c> for <c>METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n</c>.</summary>
    public string CreateAuthorization(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        Span<char> nonce = stackalloc char[32];
        RandomNumberGenerator.GetItems(Base62, nonce);

        Span<char> timestampText = stackalloc char[20];
        timestamp.TryFormat(timestampText, out var timestampLength, default, CultureInfo.InvariantCulture);
        timestampText = timestampText[..timestampLength];

        var length = method.Length + pathAndQuery.Length * 3 + timestampLength + 32 + body.Length + 5;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            written += Encoding.UTF8.GetBytes(method, rented.AsSpan(written));
            rented[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(pathAndQuery, rented.AsSpan(written));
            rented[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(timestampText, rented.AsSpan(written));
            rented[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(nonce, rented.AsSpan(written));
            rented[written++] = (byte)'\n';
            body.CopyTo(rented.AsSpan(written));
            written += body.Length;
            rented[written++] = (byte)'\n';

            Span<byte> signature = stackalloc byte[512];
            if (!merchantKey.TrySignData(rented.AsSpan(0, written), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out var signatureLength))
                throw new CryptographicException("The signature did not fit.");

            return string.Concat(
                "WECHATPAY2-SHA256-RSA2048 mchid=\"", merchantId,
                "\",nonce_str=\"", new string(nonce),
                "\",signature=\"", Convert.ToBase64String(signature[..signatureLength]),
                "\",timestamp=\"", new string(timestampText),
                "\",serial_no=\"", merchantSerialNumber, "\"");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Verifies <c>TIMESTAMP\nNONCE\nBODY\n</c> against the <c>Wechatpay-*</c> headers; throws on any failure, so
    /// that unverified data is never returned.
    /// </summary>
    public void Verify(HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        var values = headers.NonValidated;
        if (!values.TryGetValues("Wechatpay-Timestamp", out var timestampValues)
            || !values.TryGetValues("Wechatpay-Nonce", out var nonceValues)
            || !values.TryGetValues("Wechatpay-Signature", out var signatureValues)
            || !values.TryGetValues("Wechatpay-Serial", out var serialValues))
            throw new HandWrittenVerificationException("The response carries no WeChat Pay signature headers.");
        var timestamp = First(timestampValues);
        var nonce = First(nonceValues);
        var signature = First(signatureValues);
        if (First(serialValues) != platformKeyId)
            throw new HandWrittenVerificationException("The response is signed by an unknown platform key.");
        if (signature.StartsWith("WECHATPAY/SIGNTEST/", StringComparison.Ordinal))
            throw new HandWrittenVerificationException("The response carries a probe signature.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > 300)
            throw new HandWrittenVerificationException("The response timestamp is outside the 300 s window.");

        var length = timestamp.Length + nonce.Length * 3 + body.Length + 3;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.ASCII.GetBytes(timestamp, rented);
            rented[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(nonce, rented.AsSpan(written));
            rented[written++] = (byte)'\n';
            body.CopyTo(rented.AsSpan(written));
            written += body.Length;
            rented[written++] = (byte)'\n';

            Span<byte> signatureBytes = stackalloc byte[512];
            if (!Convert.TryFromBase64String(signature, signatureBytes, out var signatureLength)
                || !platformPublicKey.VerifyData(rented.AsSpan(0, written), signatureBytes[..signatureLength], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                throw new HandWrittenVerificationException("The response signature does not verify.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string First(HeaderStringValues values)
    {
        foreach (var value in values)
            return value;
        return "";
    }
}

/// <summary>The hand-written contenders' verification failure.</summary>
public sealed class HandWrittenVerificationException(string message) : Exception(message);
