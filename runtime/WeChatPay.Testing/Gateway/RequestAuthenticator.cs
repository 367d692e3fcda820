using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace WeChatPay.Testing.Gateway;

/// <summary>
/// Checks a request's <c>Authorization</c> the way the gateway does (签名验证): the scheme, a known mchid, the
/// merchant certificate's serial, the timestamp window, the signature over
/// <c>METHOD\nTARGET\nTIMESTAMP\nNONCE\nBODY\n</c>, and a nonce not seen within the window. Each failure is
/// <c>401 SIGN_ERROR</c> with a message naming the rule; no message echoes the signature or the signed text.
/// </summary>
internal sealed class RequestAuthenticator(Func<string, SandboxMerchant?> findMerchant, SandboxOptions options)
{
    public const string RsaScheme = "WECHATPAY2-SHA256-RSA2048";
    public const string Sm2Scheme = "WECHATPAY2-SM2-WITH-SM3";

    private readonly ConcurrentDictionary<string, long> _nonces = new(StringComparer.Ordinal);
    private int _insertsSincePurge;

    /// <summary>The scheme named by a request's Authorization header, if it names a known one.</summary>
    public static SignatureScheme? SchemeOf(string? authorization) =>
        authorization is null ? null
        : authorization.StartsWith(RsaScheme + " ", StringComparison.Ordinal) ? SignatureScheme.Rsa
        : authorization.StartsWith(Sm2Scheme + " ", StringComparison.Ordinal) ? SignatureScheme.ShangMi
        : null;

    public SandboxMerchant Authenticate(SandboxRequest request)
    {
        var header = request.GetHeader("Authorization");
        if (string.IsNullOrWhiteSpace(header))
            throw SandboxError.SignError("Http头缺少Authorization，请参考《微信支付商户REST API签名规则》(the Authorization header is missing)");

        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        if (scheme is not (RsaScheme or Sm2Scheme))
            throw SandboxError.SignError($"Http头Authorization值格式错误，不支持的认证类型 (unsupported Authorization scheme; use {RsaScheme} or {Sm2Scheme})");
        if (!TryParseParameters(header.AsSpan(space + 1), out var parameters))
            throw SandboxError.SignError("Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》(malformed Authorization parameters)");
        foreach (var name in (ReadOnlySpan<string>)["mchid", "nonce_str", "signature", "timestamp", "serial_no"])
        {
            if (!parameters.TryGetValue(name, out var value) || value.Length == 0)
                throw SandboxError.SignError($"Http头Authorization缺少{name} (the Authorization header has no {name})");
        }

        var mchid = parameters["mchid"];
        var merchant = findMerchant(mchid)
            ?? throw SandboxError.SignError($"商户号{mchid}不存在或未开通APIv3 (unknown mchid)");
        var expectedScheme = merchant.Scheme == SignatureScheme.Rsa ? RsaScheme : Sm2Scheme;
        if (scheme != expectedScheme)
            throw SandboxError.SignError($"签名类型与商户API证书类型不符，请使用{expectedScheme} (the scheme does not match the merchant's key)");
        if (!string.Equals(parameters["serial_no"], merchant.MerchantSerialNumber, StringComparison.OrdinalIgnoreCase))
            throw SandboxError.SignError("商户证书序列号有误。请使用签名私钥匹配的证书序列号 (wrong serial_no)");

        var now = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(parameters["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now - timestamp) > (long)options.TimestampTolerance.TotalSeconds)
            throw SandboxError.SignError("签名中的时间戳与微信支付服务器时间相差超过5分钟，请校准系统时间 (timestamp outside ±5 minutes)");

        var nonce = parameters["nonce_str"];
        if (!merchant.PublicKey.Verify(BuildMessage(request, parameters["timestamp"], nonce), parameters["signature"]))
            throw SandboxError.SignError("错误的签名，验签失败 (bad signature)");

        // Only a request whose signature verified uses up its nonce, so a forged request cannot burn one.
        if (!TryUseNonce(mchid + "\n" + nonce, now, timestamp))
            throw SandboxError.SignError("请求中的随机串nonce_str在5分钟内被重复使用，疑似重放请求 (nonce reused within 5 minutes)");
        return merchant;
    }

    /// <summary>
    /// <c>METHOD\nTARGET\nTIMESTAMP\nNONCE\nBODY\n</c> over the exact bytes received, where a media upload's BODY
    /// is its <c>meta</c> part (图片上传's rule), not the whole form.
    /// </summary>
    private static byte[] BuildMessage(SandboxRequest request, string timestamp, string nonce)
    {
        ReadOnlyMemory<byte> body = MultipartForm.IsMultipart(request) ? MultipartForm.Read(request).Meta ?? [] : request.Body;
        var head = Encoding.UTF8.GetBytes($"{request.Method}\n{request.Target}\n{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.Span.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    /// <summary>
    /// Uses up a nonce. It is kept until max(now + NonceWindow, timestamp + TimestampTolerance): as long as the
    /// request's timestamp stays acceptable, so a request stamped in the future cannot be replayed later.
    /// </summary>
    private bool TryUseNonce(string key, long now, long timestamp)
    {
        var expires = Math.Max(now + (long)options.NonceWindow.TotalSeconds, timestamp + (long)options.TimestampTolerance.TotalSeconds);
        if (Interlocked.Increment(ref _insertsSincePurge) >= 4096)
        {
            Interlocked.Exchange(ref _insertsSincePurge, 0);
            foreach (var (stale, until) in _nonces)
            {
                if (until < now)
                    _nonces.TryRemove(stale, out _);
            }
        }
        while (true)
        {
            if (_nonces.TryAdd(key, expires))
                return true;
            if (!_nonces.TryGetValue(key, out var until))
                continue;
            if (until >= now)
                return false;
            if (_nonces.TryUpdate(key, expires, until))
                return true;
        }
    }

    /// <summary>Parses <c>k="v",k="v"</c>; whitespace around separators is allowed, quotes are required.</summary>
    internal static bool TryParseParameters(ReadOnlySpan<char> text, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
                i++;
            if (i >= text.Length)
                return parameters.Count > 0;
            var equals = text[i..].IndexOf('=');
            if (equals <= 0)
                return false;
            var name = text.Slice(i, equals).Trim().ToString();
            i += equals + 1;
            if (i >= text.Length || text[i] != '"')
                return false;
            var close = text[(i + 1)..].IndexOf('"');
            if (close < 0)
                return false;
            var value = text.Slice(i + 1, close).ToString();
            i += close + 2;
            if (!parameters.TryAdd(name, value))
                return false;
            while (i < text.Length && text[i] == ' ')
                i++;
            if (i < text.Length)
            {
                if (text[i] != ',')
                    return false;
                i++;
            }
        }
    }
}
