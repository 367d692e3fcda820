using System.Buffers;
using System.Globalization;
using System.Text;

namespace WeChatPay;

/// <summary>
/// Signs WeChat Pay API v3 requests: builds the <c>Authorization</c> header value
/// <c>WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"</c>
/// (or <c>WECHATPAY2-SM2-WITH-SM3 …</c> in ShangMi mode) over the message
/// <c>METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n</c>. Thread-safe; every call draws a fresh nonce.
/// </summary>
public sealed class RequestSigner
{
    // Messages up to this size are built on the stack; larger ones in a pooled array.
    private const int StackMessageLimit = 1024;

    private readonly MerchantPrivateKey _key;
    private readonly TimeProvider _timeProvider;

    // `SCHEME mchid="…",nonce_str="` and `",serial_no="…"`: the parts that never change.
    private readonly string _prefix;
    private readonly string _suffix;

    /// <summary>Creates a signer for one merchant.</summary>
    /// <param name="merchantId">The merchant ID (<c>mchid</c>).</param>
    /// <param name="merchantSerialNumber">The serial number of the merchant API certificate (<c>serial_no</c>).</param>
    /// <param name="key">The merchant private key; its <see cref="MerchantPrivateKey.Scheme"/> selects the header scheme.</param>
    /// <param name="timeProvider">The clock for the timestamp.</param>
    /// <exception cref="WeChatPayConfigurationException">The merchant ID or serial number is empty or contains characters a header cannot carry.</exception>
    public RequestSigner(string merchantId, string merchantSerialNumber, MerchantPrivateKey key, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timeProvider);
        CheckHeaderValue(merchantId, "merchant ID (mchid)");
        CheckHeaderValue(merchantSerialNumber, "merchant serial number");
        MerchantId = merchantId;
        MerchantSerialNumber = merchantSerialNumber;
        _key = key;
        _timeProvider = timeProvider;
        SchemeName = key.Scheme.ToName();
        _prefix = $"{SchemeName} mchid=\"{merchantId}\",nonce_str=\"";
        _suffix = $"\",serial_no=\"{merchantSerialNumber}\"";
    }

    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public string MerchantId { get; }

    /// <summary>The merchant certificate serial number (<c>serial_no</c>).</summary>
    public string MerchantSerialNumber { get; }

    /// <summary><c>WECHATPAY2-SHA256-RSA2048</c> or <c>WECHATPAY2-SM2-WITH-SM3</c>.</summary>
    public string SchemeName { get; }

    /// <summary>The signature scheme of the merchant key.</summary>
    public SignatureScheme Scheme => _key.Scheme;

    /// <summary>Signs a request with the current time and a fresh nonce, and returns the whole <c>Authorization</c> value.</summary>
    /// <param name="method">The HTTP method, for example <c>POST</c>; written in upper case.</param>
    /// <param name="pathAndQuery">
    /// The request target exactly as sent, without scheme and host: the escaped path and its query string, for
    /// example <c>/v3/marketing/busifavor/stocks/123/couponcodes?limit=10</c>. A target given without its leading
    /// <c>/</c> gets one, since the gateway always sees one.
    /// </param>
    /// <param name="body">The exact body bytes sent; empty for no body.</param>
    public string CreateAuthorization(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        Span<byte> nonce = stackalloc byte[Nonce.Length];
        Nonce.Fill(nonce);
        return Create(method, pathAndQuery, body, _timeProvider.GetUtcNow().ToUnixTimeSeconds(), nonce);
    }

    /// <summary>Signs with an explicit timestamp and nonce (for tests, benchmarks and replays in a sandbox).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The request target as sent; see <see cref="CreateAuthorization(string, string, ReadOnlySpan{byte})"/>.</param>
    /// <param name="body">The exact body bytes sent.</param>
    /// <param name="timestamp">Unix seconds.</param>
    /// <param name="nonce">The nonce: printable ASCII without quotes, normally 32 base62 characters.</param>
    public string CreateAuthorization(string method, string pathAndQuery, ReadOnlySpan<byte> body, long timestamp, string nonce)
    {
        CheckHeaderValue(nonce, "nonce");
        Span<byte> ascii = stackalloc byte[nonce.Length <= 256 ? nonce.Length : 0];
        if (ascii.Length != nonce.Length)
            throw new ArgumentException("The nonce is longer than 256 characters.", nameof(nonce));
        Encoding.ASCII.GetBytes(nonce, ascii);
        return Create(method, pathAndQuery, body, timestamp, ascii);
    }

    /// <summary>
    /// The message a request signature covers, <c>METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n</c>, as UTF-8 bytes;
    /// for a sandbox that verifies requests. The method is upper-cased and the target gets a leading <c>/</c> as in
    /// <see cref="CreateAuthorization(string, string, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static byte[] BuildMessage(string method, string pathAndQuery, string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        var slash = pathAndQuery.StartsWith('/') ? "" : "/";
        var head = Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{slash}{pathAndQuery}\n{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    /// <summary>Splits an <c>Authorization</c> value into its parts.</summary>
    /// <exception cref="FormatException">The value is not a WeChat Pay API v3 authorization (the message never echoes it).</exception>
    public static AuthorizationParts ParseAuthorization(string authorization)
        => TryParseAuthorization(authorization, out var parts)
            ? parts
            : throw new FormatException("The Authorization value is not 'WECHATPAY2-… mchid=\"…\",nonce_str=\"…\",signature=\"…\",timestamp=\"…\",serial_no=\"…\"'.");

    /// <summary>Splits an <c>Authorization</c> value into its parts; false when any part is missing, repeated or malformed.</summary>
    public static bool TryParseAuthorization(string? authorization, out AuthorizationParts parts)
    {
        parts = default;
        if (string.IsNullOrEmpty(authorization))
            return false;
        var space = authorization.IndexOf(' ');
        if (space <= 0)
            return false;
        var scheme = authorization[..space];
        string? mchid = null, nonce = null, signature = null, timestamp = null, serial = null;
        var rest = authorization.AsSpan(space + 1).Trim();
        while (!rest.IsEmpty)
        {
            var eq = rest.IndexOf('=');
            if (eq <= 0 || eq + 1 >= rest.Length || rest[eq + 1] != '"')
                return false;
            var name = rest[..eq].Trim();
            var valueAndRest = rest[(eq + 2)..];
            var close = valueAndRest.IndexOf('"');
            if (close < 0)
                return false;
            var value = valueAndRest[..close].ToString();
            rest = valueAndRest[(close + 1)..].TrimStart();
            if (!rest.IsEmpty)
            {
                if (rest[0] != ',')
                    return false;
                rest = rest[1..].TrimStart();
            }

            ref var slot = ref mchid;
            switch (name)
            {
                case "mchid": slot = ref mchid; break;
                case "nonce_str": slot = ref nonce; break;
                case "signature": slot = ref signature; break;
                case "timestamp": slot = ref timestamp; break;
                case "serial_no": slot = ref serial; break;
                default: continue;
            }

            if (slot is not null)
                return false;
            slot = value;
        }

        if (mchid is null || nonce is null || signature is null || timestamp is null || serial is null)
            return false;
        parts = new AuthorizationParts(scheme, mchid, nonce, signature, timestamp, serial);
        return true;
    }

    private string Create(string method, string pathAndQuery, ReadOnlySpan<byte> body, long timestamp, ReadOnlySpan<byte> nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);

        var slash = pathAndQuery.Length > 0 && pathAndQuery[0] == '/' ? 0 : 1;
        var length = method.Length + 1 + slash + Encoding.UTF8.GetByteCount(pathAndQuery) + 1 + 20 + 1 + nonce.Length + 1 + body.Length + 1;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackMessageLimit ? stackalloc byte[StackMessageLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            // METHOD\n
            var n = 0;
            foreach (var c in method)
            {
                if (c is <= ' ' or > '~')
                    throw new ArgumentException("The HTTP method is not an ASCII token.", nameof(method));
                buffer[n++] = (byte)(c is >= 'a' and <= 'z' ? c - 32 : c);
            }

            buffer[n++] = (byte)'\n';

            // PATH?QUERY\n
            if (slash == 1)
                buffer[n++] = (byte)'/';
            n += Encoding.UTF8.GetBytes(pathAndQuery, buffer[n..]);
            buffer[n++] = (byte)'\n';

            // TIMESTAMP\n
            var timestampStart = n;
            timestamp.TryFormat(buffer[n..], out var digits, default, CultureInfo.InvariantCulture);
            n += digits;
            var timestampLength = digits;
            buffer[n++] = (byte)'\n';

            // NONCE\n BODY\n
            nonce.CopyTo(buffer[n..]);
            n += nonce.Length;
            buffer[n++] = (byte)'\n';
            body.CopyTo(buffer[n..]);
            n += body.Length;
            buffer[n++] = (byte)'\n';

            Span<char> signature = stackalloc char[_key.MaxSignatureChars];
            if (!_key.TrySign(buffer[..n], signature, out var signatureLength))
                throw new InvalidOperationException("The merchant key produced a signature longer than expected.");

            // The header: prefix, nonce, signature, timestamp, suffix.
            const string SignatureLabel = "\",signature=\"";
            const string TimestampLabel = "\",timestamp=\"";
            var total = _prefix.Length + nonce.Length + SignatureLabel.Length + signatureLength + TimestampLabel.Length + timestampLength + _suffix.Length;
            Span<char> header = total <= 2048 ? stackalloc char[total] : new char[total];
            var h = 0;
            _prefix.CopyTo(header);
            h += _prefix.Length;
            for (var i = 0; i < nonce.Length; i++)
                header[h++] = (char)nonce[i];
            SignatureLabel.CopyTo(header[h..]);
            h += SignatureLabel.Length;
            signature[..signatureLength].CopyTo(header[h..]);
            h += signatureLength;
            TimestampLabel.CopyTo(header[h..]);
            h += TimestampLabel.Length;
            for (var i = 0; i < timestampLength; i++)
                header[h++] = (char)buffer[timestampStart + i];
            _suffix.CopyTo(header[h..]);
            return new string(header);
        }
        finally
        {
            // The message holds the request body; do not leave it in a shared pool.
            if (rented is not null)
            {
                rented.AsSpan(0, Math.Min(length, rented.Length)).Clear();
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void CheckHeaderValue(string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
            throw new WeChatPayConfigurationException($"The {what} is empty.");
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"')
                throw new WeChatPayConfigurationException($"The {what} contains a character an Authorization header cannot carry (a quote, a control or a non-ASCII character).");
        }
    }
}

/// <summary>The parts of a WeChat Pay API v3 <c>Authorization</c> value. <see cref="ToString"/> leaves out the signature.</summary>
/// <param name="Scheme"><c>WECHATPAY2-SHA256-RSA2048</c> or <c>WECHATPAY2-SM2-WITH-SM3</c>.</param>
/// <param name="MerchantId"><c>mchid</c>.</param>
/// <param name="Nonce"><c>nonce_str</c>.</param>
/// <param name="Signature"><c>signature</c>, base64.</param>
/// <param name="Timestamp"><c>timestamp</c>, Unix seconds as text.</param>
/// <param name="SerialNumber"><c>serial_no</c>, the merchant certificate serial.</param>
public readonly record struct AuthorizationParts(string Scheme, string MerchantId, string Nonce, string Signature, string Timestamp, string SerialNumber)
{
    /// <inheritdoc/>
    public override string ToString()
        => $"AuthorizationParts {{ Scheme = {Scheme}, MerchantId = {MerchantId}, Nonce = {Nonce}, Timestamp = {Timestamp}, SerialNumber = {SerialNumber} }}";
}
