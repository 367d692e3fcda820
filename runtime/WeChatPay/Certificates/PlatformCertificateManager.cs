using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WeChatPay;

/// <summary>
/// Downloads the platform certificates (<c>GET /v3/certificates</c>), decrypts them with the APIv3 key, verifies the
/// download with the certificates it contains (as WeChat Pay's official downloader does) and keeps them fresh:
/// on first use, every refresh interval, and once on an unknown <c>Wechatpay-Serial</c>.
/// </summary>
/// <remarks>
/// Depends only on a send delegate and the key store. One download runs at a time (single-flight), bounded by
/// <see cref="WeChatPayOptions.CertificateDownloadTimeout"/>. While a held key can still verify, a due refresh runs
/// in the background and no caller waits; only a caller with no usable key waits, at most that long. A failed
/// refresh keeps the old set.
/// </remarks>
internal sealed class PlatformCertificateManager
{
    /// <summary>How long to wait before retrying after a failed refresh.</summary>
    internal static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    /// <summary>
    /// After a refresh for an unknown serial, further unknown serials within this period fail without downloading
    /// again, so that responses naming random serials cannot make the client download on every call.
    /// </summary>
    internal static readonly TimeSpan UnknownSerialQuietPeriod = TimeSpan.FromMinutes(1);

    private readonly RawSend _send;
    private readonly PlatformKeyStore _keys;
    private readonly string _apiV3Key;
    private readonly SignatureScheme _scheme;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private Task? _inflight;
    private long _nextRefreshTicks = DateTimeOffset.MinValue.UtcTicks;
    private DateTimeOffset? _lastUnknownSerialRefresh;
    private int _downloads;
    private Exception? _lastFailure;

    public PlatformCertificateManager(RawSend send, PlatformKeyStore keys, WeChatPayOptions options)
    {
        _send = send;
        _keys = keys;
        _apiV3Key = options.ApiV3Key!;
        _scheme = options.SignatureScheme;
        _time = options.TimeProvider;
        _interval = options.CertificateRefreshInterval;
        _timeout = options.CertificateDownloadTimeout;
        _logger = options.LoggerFactory?.CreateLogger("WeChatPay") ?? NullLogger.Instance;
    }

    /// <summary>How many downloads have been started (for diagnostics and tests).</summary>
    public int DownloadCount => Volatile.Read(ref _downloads);

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Whether a held key can verify an answer now: a WeChat Pay public key or a certificate inside its validity.</summary>
    private bool HasUsableKey => _keys.Preferred is not null;

    /// <summary>Completes when no download is in flight (for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
            return _inflight is { } inflight ? inflight.ContinueWith(static _ => { }, TaskScheduler.Default) : Task.CompletedTask;
    }

    /// <summary>
    /// Makes sure a key can verify the answer to the call about to be sent. When a refresh is due it starts one; the
    /// caller waits for it only when no held key is usable, and then at most <see cref="WeChatPayOptions.CertificateDownloadTimeout"/>.
    /// </summary>
    /// <exception cref="WeChatPayException">No key is usable and the download failed or is backing off after a failure.</exception>
    public async ValueTask EnsureFreshAsync(bool useAsync, CancellationToken cancellationToken)
    {
        // The hot path: a clock read, a volatile read and a look at the held keys.
        var due = Now.UtcTicks >= Volatile.Read(ref _nextRefreshTicks);
        var usable = HasUsableKey;
        if (usable)
        {
            // Valid keys are held: a due refresh runs in the background and the call goes on with the keys it has.
            if (due)
                _ = StartOrJoin(runHere: false);
            return;
        }

        // Backing off after a failed download with nothing usable: refuse to send a request whose answer could not be verified.
        if (!due && Volatile.Read(ref _lastFailure) is { } failure)
        {
            throw new WeChatPayException(
                $"No WeChat Pay platform key is available: the platform certificate download failed and is retried after {new DateTimeOffset(Volatile.Read(ref _nextRefreshTicks), TimeSpan.Zero):u}. {failure.Message}",
                innerException: failure);
        }

        // Nothing can verify the answer: wait for the download (a sync caller runs it on its own thread).
        await WaitAsync(StartOrJoin(runHere: !useAsync), useAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refreshes because a response named a key the client does not have. Returns whether a refresh completed,
    /// so that verification is worth retrying. Never throws for a failed download: the caller then reports the
    /// unknown key.
    /// </summary>
    public async ValueTask<bool> RefreshForUnknownSerialAsync(bool useAsync, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Join a download in flight; otherwise download at most once per quiet period for unknown serials.
            if (_inflight is null && Now - _lastUnknownSerialRefresh < UnknownSerialQuietPeriod)
                return false;
            if (_inflight is null)
                _lastUnknownSerialRefresh = Now;
        }

        try
        {
            await WaitAsync(StartOrJoin(runHere: !useAsync), useAsync, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (WeChatPayException)
        {
            return false;
        }
    }

    /// <summary>
    /// Returns the download in flight, starting one if none is. With <paramref name="runHere"/> a new download runs on
    /// the calling thread with synchronous I/O (for sync callers, which then never wait on thread-pool work);
    /// otherwise it runs in the background with asynchronous I/O.
    /// </summary>
    private Task StartOrJoin(bool runHere)
    {
        if (Volatile.Read(ref _inflight) is { } joined)
            return joined;

        TaskCompletionSource? started = null;
        Task download;
        lock (_gate)
        {
            if (_inflight is null)
            {
                started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _inflight = started.Task;
                _downloads++;
            }

            download = _inflight;
        }

        if (started is not null)
        {
            // The download is not tied to any caller's token, since callers share it; CertificateDownloadTimeout bounds it.
            if (runHere)
                RunAsync(started, useAsync: false).GetAwaiter().GetResult();
            else
                _ = Task.Run(() => RunAsync(started, useAsync: true));
        }

        return download;
    }

    /// <summary>Waits for <paramref name="download"/>, which always ends within the download timeout; its failure becomes a <see cref="WeChatPayException"/>.</summary>
    private static async ValueTask WaitAsync(Task download, bool useAsync, CancellationToken cancellationToken)
    {
        try
        {
            if (useAsync)
                await download.WaitAsync(cancellationToken).ConfigureAwait(false);
            else
                download.WaitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not WeChatPayException and not OperationCanceledException)
        {
            throw new WeChatPayException($"The platform certificate download failed: {ex.Message}", innerException: ex);
        }
    }

    private async Task RunAsync(TaskCompletionSource completion, bool useAsync)
    {
        try
        {
            var keys = await DownloadAsync(useAsync).ConfigureAwait(false);
            _keys.ReplaceDownloaded(keys);
            lock (_gate)
            {
                Volatile.Write(ref _nextRefreshTicks, (Now + _interval).UtcTicks);
                _lastFailure = null;
                _inflight = null;
            }

            WeChatPayTelemetry.Refreshes.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            WeChatPayLog.CertificatesRefreshed(_logger, keys.Count);
            completion.SetResult();
        }
        catch (Exception ex)
        {
            WeChatPayTelemetry.Refreshes.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            WeChatPayLog.CertificateRefreshFailed(_logger, ex.Message);
            lock (_gate)
            {
                Volatile.Write(ref _nextRefreshTicks, (Now + RetryAfterFailure).UtcTicks);
                _lastFailure = ex;
                _inflight = null;
            }

            completion.SetException(ex);
        }
    }

    private async ValueTask<List<PlatformKey>> DownloadAsync(bool useAsync)
    {
        var path = _scheme == SignatureScheme.ShangMi ? "v3/certificates?algorithm_type=SM2" : "v3/certificates";
        RawResponse raw;
        using (var deadline = new CancellationTokenSource(_timeout))
        {
            try
            {
                raw = await _send(new WeChatPayRequest(HttpMethod.Get, path), useAsync, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                throw new WeChatPayException(
                    $"The platform certificate download did not finish within WeChatPayOptions.CertificateDownloadTimeout ({_timeout.TotalSeconds:0.###} s); it is retried in {RetryAfterFailure.TotalMinutes:0} minute.",
                    innerException: ex);
            }
        }

        if (!raw.IsSuccess)
            throw DownloadError(raw);

        var keys = Decrypt(raw, _apiV3Key, _scheme, Now);

        // Verify the download with the certificates it contains, as the official downloader does; a response
        // signed by a key the client already trusts (a WeChat Pay public key, say) is accepted too.
        var signature = SignatureHeaders.From(raw.Headers);
        var result = Verify(new SignatureVerifier(new PlatformKeyStore(keys, _time), _time), in signature, raw);
        if (result == VerificationResult.UnknownSerial)
            result = Verify(new SignatureVerifier(_keys, _time), in signature, raw);
        return result switch
        {
            VerificationResult.Verified => keys,
            VerificationResult.MissingHeaders => throw new WeChatPayVerificationException(
                "The platform certificate download carried no WeChat Pay signature headers; the certificates were not used.", raw.StatusCode, raw.RequestId),
            _ => throw new WeChatPayVerificationException(
                $"The platform certificate download is signed with the key '{signature.Serial}', which is neither among the downloaded certificates nor configured; the certificates were not used.",
                raw.StatusCode, raw.RequestId),
        };
    }

    private static VerificationResult Verify(SignatureVerifier verifier, in SignatureHeaders signature, RawResponse raw)
    {
        try
        {
            return verifier.Verify(in signature, raw.Body);
        }
        catch (WeChatPayVerificationException ex)
        {
            throw new WeChatPayVerificationException($"The platform certificate download failed verification: {ex.Message}; the certificates were not used.", raw.StatusCode, raw.RequestId, ex);
        }
    }

    private Exception DownloadError(RawResponse raw)
    {
        // An error answer to the download itself: verify it if a held key can, else surface it as unverified.
        var signature = SignatureHeaders.From(raw.Headers);
        bool verified;
        try
        {
            verified = new SignatureVerifier(_keys, _time).Verify(in signature, raw.Body) == VerificationResult.Verified;
        }
        catch (WeChatPayVerificationException)
        {
            verified = false;
        }

        var error = WeChatPayErrorBody.ToException(raw.StatusCode, raw.RequestId, raw.Body, verified);
        if (raw.StatusCode == HttpStatusCode.NotFound && error.Code == "RESOURCE_NOT_EXISTS")
        {
            return new WeChatPayException(
                "WeChat Pay has no platform certificates for this merchant (404 RESOURCE_NOT_EXISTS): merchants onboarded since 2024 use WeChat Pay public-key mode. "
                + "Download the public key from the merchant platform, set WeChatPayOptions.PublicKeyId and PlatformPublicKey, and turn off DownloadPlatformCertificates.",
                raw.StatusCode, raw.RequestId, error);
        }

        return new WeChatPayException($"The platform certificate download failed: {error.Message}", raw.StatusCode, raw.RequestId, error);
    }

    /// <summary>Reads <c>{"data":[{"serial_no":…,"encrypt_certificate":{…}}]}</c> and decrypts every certificate.</summary>
    internal static List<PlatformKey> Decrypt(RawResponse raw, string apiV3Key, SignatureScheme scheme, DateTimeOffset now)
    {
        var keys = new List<PlatformKey>();
        try
        {
            using var document = JsonDocument.Parse(raw.Body);
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw Malformed(raw, "it has no \"data\" array");

            foreach (var item in data.EnumerateArray())
            {
                var serial = Text(item, "serial_no") ?? throw Malformed(raw, "an entry has no serial_no");
                if (!item.TryGetProperty("encrypt_certificate", out var encrypted) || encrypted.ValueKind != JsonValueKind.Object)
                    throw Malformed(raw, $"the entry {serial} has no encrypt_certificate");
                var algorithm = Text(encrypted, "algorithm");
                var nonce = Text(encrypted, "nonce") ?? throw Malformed(raw, $"the entry {serial} has no nonce");
                var associatedData = Text(encrypted, "associated_data") ?? "";
                var ciphertext = Text(encrypted, "ciphertext") ?? throw Malformed(raw, $"the entry {serial} has no ciphertext");
                var pem = algorithm switch
                {
                    "AEAD_AES_256_GCM" => AeadAesGcm.Decrypt(apiV3Key, nonce, associatedData, ciphertext),
                    "AEAD_SM4_GCM" => AeadSm4Gcm.Decrypt(apiV3Key, nonce, associatedData, ciphertext),
                    _ => throw new WeChatPayVerificationException(
                        $"The platform certificate {serial} is encrypted with the unknown algorithm '{algorithm}'; expected AEAD_AES_256_GCM or AEAD_SM4_GCM.", raw.StatusCode, raw.RequestId),
                };

                PlatformKey key;
                try
                {
                    key = PlatformKey.FromCertificatePem(pem);
                }
                catch (WeChatPayConfigurationException ex)
                {
                    throw new WeChatPayVerificationException($"The downloaded platform certificate {serial} is not a usable certificate: {ex.Message}", raw.StatusCode, raw.RequestId, ex);
                }

                if (!key.MatchesId(serial))
                    throw new WeChatPayVerificationException(
                        $"The downloaded platform certificate listed as {serial} has the serial number {key.Id}; the download was not used.", raw.StatusCode, raw.RequestId);
                if (key.Scheme != scheme || key.NotAfter < now)
                    continue;
                keys.Add(key);
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(raw, "it is not valid JSON", ex);
        }
        catch (InvalidOperationException ex)
        {
            // A string with an invalid UTF-16 escape (a lone surrogate such as \ud800).
            throw Malformed(raw, "a string in it is not valid UTF-16", ex);
        }

        if (keys.Count == 0)
            throw new WeChatPayVerificationException(
                $"The platform certificate download holds no unexpired {(scheme == SignatureScheme.ShangMi ? "SM2" : "RSA")} certificate.", raw.StatusCode, raw.RequestId);
        return keys;
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static WeChatPayException Malformed(RawResponse raw, string why, Exception? inner = null)
        => new($"The platform certificate download could not be read: {why}.", raw.StatusCode, raw.RequestId, inner);
}
