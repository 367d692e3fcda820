namespace WeChatPay.Testing;

/// <summary>Which platform key signs the sandbox's responses and notifications.</summary>
public enum SandboxSigningMode
{
    /// <summary>
    /// The WeChat Pay public key (<c>Wechatpay-Serial: PUB_KEY_ID_…</c>), as for every merchant that joined after
    /// the public-key rollout. The default.
    /// </summary>
    PublicKey = 0,

    /// <summary>The platform certificate (<c>Wechatpay-Serial</c> is the certificate's serial number).</summary>
    Certificate = 1,
}

/// <summary>
/// A deliberate fault in the sandbox's answers, for testing that a client refuses what it cannot verify. Real
/// WeChat Pay never does these; an attacker or a broken proxy might.
/// </summary>
public enum SandboxResponseFault
{
    /// <summary>Answers are signed correctly (the default).</summary>
    None = 0,

    /// <summary>The body is changed after signing.</summary>
    TamperedBody,

    /// <summary>The signature is another answer's: well-formed but wrong.</summary>
    WrongSignature,

    /// <summary>The answer is signed with a <c>Wechatpay-Timestamp</c> ten minutes old.</summary>
    StaleTimestamp,

    /// <summary><c>Wechatpay-Serial</c> names a key the client does not have.</summary>
    UnknownSerial,

    /// <summary>The signature starts <c>WECHATPAY/SIGNTEST/</c>, WeChat Pay's probe that clients must reject.</summary>
    SignatureProbe,

    /// <summary>No <c>Wechatpay-*</c> headers at all.</summary>
    Unsigned,
}

/// <summary>
/// A transient failure the real gateway does answer with, for testing retries: the request is authenticated first
/// (its nonce is used up), then answered, signed, with the error instead of the endpoint's answer.
/// </summary>
public enum SandboxTransientFault
{
    /// <summary>No transient faults (the default).</summary>
    None = 0,

    /// <summary><c>500 SYSTEM_ERROR</c>.</summary>
    SystemError,

    /// <summary><c>429 FREQUENCY_LIMITED</c>.</summary>
    FrequencyLimited,
}

/// <summary>How a <see cref="WeChatPaySandbox"/> behaves. Every property has the real gateway's default.</summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// The key that signs responses when the request's <c>Wechatpay-Serial</c> does not name one. A request whose
    /// <c>Wechatpay-Serial</c> names a platform key of the merchant's scheme gets its response signed with that key,
    /// as during WeChat Pay's migration from certificates to public keys.
    /// </summary>
    public SandboxSigningMode SigningMode { get; set; } = SandboxSigningMode.PublicKey;

    /// <summary>
    /// Whether <c>GET /v3/certificates</c> serves the platform certificates. When false it answers
    /// <c>404 RESOURCE_NOT_EXISTS</c>, as WeChat Pay does for a merchant created after the public-key rollout.
    /// </summary>
    public bool ServeCertificates { get; set; } = true;

    /// <summary>The clock for the timestamp window, the nonce window and every time the sandbox reports.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How far a request's timestamp may be from the sandbox's clock; WeChat Pay allows 5 minutes.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a request nonce stays used; WeChat Pay rejects a nonce reused within 5 minutes.</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Sandbox-only, off by default (zero): for this long, an answer whose body and signing key repeat an earlier
    /// one reuses that answer's <c>Wechatpay-Timestamp</c>, <c>Wechatpay-Nonce</c> and <c>Wechatpay-Signature</c>
    /// instead of signing again. Answers still verify. It takes the sandbox's own RSA private-key operation out of
    /// a load test in which client and sandbox share the machine's cores; the real gateway signs every answer.
    /// Keep it under the clients' 5-minute timestamp window.
    /// </summary>
    public TimeSpan ResponseSignatureReuseWindow { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The largest request body the sandbox reads, in bytes: 8 MiB by default, above WeChat Pay's media limits.
    /// A larger body is refused with a signed <c>413</c> as soon as it is seen to be larger.
    /// </summary>
    public int MaxRequestBodySize { get; set; } = 8 * 1024 * 1024;

    /// <summary>A fault to put in every answer (not in notifications); <see cref="SandboxResponseFault.None"/> by default.</summary>
    public SandboxResponseFault ResponseFault { get; set; } = SandboxResponseFault.None;

    /// <summary>A transient fault to answer with; see <see cref="TransientFaultBurst"/> for how often.</summary>
    public SandboxTransientFault TransientFault { get; set; } = SandboxTransientFault.None;

    /// <summary>
    /// How many requests in a row get <see cref="TransientFault"/> before one is answered normally: with 2, the
    /// 1st and 2nd requests fail, the 3rd succeeds, the 4th and 5th fail, and so on. Deterministic, so a test knows
    /// which attempt succeeds. 1 by default.
    /// </summary>
    public int TransientFaultBurst { get; set; } = 1;

    /// <summary>How long the sandbox waits before answering an API request (zero by default), to test timeouts and hedging.</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Which answers <see cref="ResponseDelay"/> slows: 0 (the default) slows every one; N slows N in a row, then answers
    /// one at once, as <see cref="TransientFaultBurst"/> counts. With 1 the 1st request is slow and the 2nd fast, so a
    /// hedged attempt answers first. Only requests that arrive while a delay is set are counted.
    /// </summary>
    public int ResponseDelayBurst { get; set; }

    /// <summary>
    /// How much faster than WeChat Pay the sandbox retries an unacknowledged notification: WeChat Pay waits 15 s,
    /// 15 s, 30 s, 3 m, 10 m, 20 m, 30 m, 30 m, 30 m, 60 m, 3 h, 3 h, 3 h, 6 h and 6 h; each wait is divided by this
    /// factor. The default, 10, brings the first retry 1.5 s after a failed delivery; 1 (the least; smaller values
    /// count as 1) is WeChat Pay's own pace.
    /// </summary>
    public double NotificationRetryFactor { get; set; } = 10;

    /// <summary>How long a merchant has to answer a notification before the attempt counts as failed; WeChat Pay allows 5 s.</summary>
    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a refund stays PROCESSING before it settles to SUCCESS; short by default (1 s).</summary>
    public TimeSpan RefundSettlementDelay { get; set; } = TimeSpan.FromSeconds(1);
}
