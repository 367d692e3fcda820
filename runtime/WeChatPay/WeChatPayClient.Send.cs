using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace WeChatPay;

// The pipeline every call takes: build the exact target, sign, send, read the body once, verify, then hand back
// the verified bytes or throw. One implementation serves the async and the sync (HttpClient.Send) paths.
public sealed partial class WeChatPayClient
{
    private static readonly string UserAgent = BuildUserAgent();

    private static readonly UriCreationOptions ExactTarget = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>Signs and sends <paramref name="request"/>, verifies the response and returns it.</summary>
    /// <exception cref="WeChatPayApiException">WeChat Pay answered with a non-2xx status.</exception>
    /// <exception cref="WeChatPayVerificationException">The response failed verification.</exception>
    /// <exception cref="WeChatPayException">The request could not be sent or timed out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task<WeChatPayResponse> SendAsync(WeChatPayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendCoreAsync(request, useAsync: true, cancellationToken).AsTask();
    }

    /// <summary>The synchronous form of <see cref="SendAsync"/>, through <see cref="HttpClient.Send(HttpRequestMessage, CancellationToken)"/>.</summary>
    /// <exception cref="WeChatPayApiException">WeChat Pay answered with a non-2xx status.</exception>
    /// <exception cref="WeChatPayVerificationException">The response failed verification.</exception>
    /// <exception cref="WeChatPayException">The request could not be sent or timed out.</exception>
    public WeChatPayResponse Send(WeChatPayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = SendCoreAsync(request, useAsync: false, cancellationToken);
        // With useAsync false every step completes synchronously; GetResult only unwraps.
        return pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    internal async ValueTask<WeChatPayResponse> SendCoreAsync(WeChatPayRequest request, bool useAsync, CancellationToken cancellationToken)
    {
        // With nothing listening this costs three flag reads: no activity, no timestamp, no log formatting.
        var activity = WeChatPayTelemetry.Source.HasListeners() ? StartActivity(request) : null;
        var observed = activity is not null || WeChatPayTelemetry.Duration.Enabled || _logger.IsEnabled(LogLevel.Debug);
        var started = observed ? Stopwatch.GetTimestamp() : 0;
        if (observed)
            WeChatPayLog.RequestSent(_logger, request.Method.Method, TemplateOf(request));
        RawResponse? raw = null;
        try
        {
            if (_certificates is not null)
                await _certificates.EnsureFreshAsync(useAsync, cancellationToken).ConfigureAwait(false);

            raw = await TransmitAsync(request, useAsync, cancellationToken).ConfigureAwait(false);
            var verified = await VerifyAsync(raw, request.ExpectUnsignedResponse, useAsync, cancellationToken).ConfigureAwait(false);
            if (!raw.IsSuccess)
                throw WeChatPayErrorBody.ToException(raw.StatusCode, raw.RequestId, raw.Body, verified);
            if (observed)
                Observe(activity, request, started, (int)raw.StatusCode, raw.RequestId, failure: null);
            return new WeChatPayResponse(raw.StatusCode, raw.Headers, raw.Body) { IsSignatureVerified = verified };
        }
        catch (Exception ex)
        {
            if (ex is WeChatPayVerificationException)
            {
                WeChatPayTelemetry.Verifications.Add(1, new KeyValuePair<string, object?>("url.template", TemplateOf(request)));
                WeChatPayLog.VerificationFailed(_logger, request.Method.Method, TemplateOf(request), raw?.RequestId, ex.Message);
            }

            if (observed)
            {
                var status = raw is not null ? (int)raw.StatusCode : (ex as WeChatPayException)?.StatusCode is { } code ? (int)code : 0;
                Observe(activity, request, started, status, raw?.RequestId ?? (ex as WeChatPayException)?.RequestId, ex);
            }

            throw;
        }
    }

    /// <summary>The declared template, or the method's own word when a request was built by hand without one.</summary>
    private static string TemplateOf(WeChatPayRequest request) => request.UrlTemplate ?? "(untemplated)";

    private Activity? StartActivity(WeChatPayRequest request)
    {
        var template = TemplateOf(request);
        var activity = WeChatPayTelemetry.Source.StartActivity(request.Method.Method + " " + template, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", _host);
            activity.SetTag("server.port", _port);
            activity.SetTag("url.template", template);
        }

        return activity;
    }

    /// <summary>Ends the call's activity, records its duration and logs the answer; only public, bounded values go in.</summary>
    private void Observe(Activity? activity, WeChatPayRequest request, long started, int status, string? requestId, Exception? failure)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var template = TemplateOf(request);
        var errorType = failure is null ? null : WeChatPayTelemetry.ErrorType(failure);
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                if (status != 0)
                    activity.SetTag("http.response.status_code", status);
                if (requestId is not null)
                    activity.SetTag("wechatpay.request_id", requestId);
                if (errorType is not null)
                    activity.SetTag("error.type", errorType);
                if ((failure as WeChatPayApiException)?.Code is { } code)
                    activity.SetTag("wechatpay.error.code", code);
            }

            if (failure is not null)
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.Dispose();
        }

        if (WeChatPayTelemetry.Duration.Enabled)
        {
            var tags = new TagList
            {
                { "http.request.method", request.Method.Method },
                { "url.template", template },
            };
            if (status != 0)
                tags.Add("http.response.status_code", status);
            if (errorType is not null)
                tags.Add("error.type", errorType);
            WeChatPayTelemetry.Duration.Record(elapsed.TotalSeconds, in tags);
        }

        if (failure is null)
            WeChatPayLog.AnswerReceived(_logger, request.Method.Method, template, status, requestId, elapsed.TotalMilliseconds);
        else
            WeChatPayLog.RequestFailed(_logger, request.Method.Method, template, errorType!);
    }

    /// <summary>Builds, signs and sends the request and reads the body into one buffer, under the size cap.</summary>
    internal async ValueTask<RawResponse> TransmitAsync(WeChatPayRequest request, bool useAsync, CancellationToken cancellationToken)
    {
        var target = BuildTarget(request.PathAndQuery);
        var pathAndQuery = target.PathAndQuery;
        var method = request.Method.Method;

        using var message = new HttpRequestMessage(request.Method, target);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("Accept", "application/json");
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
        var serial = request.WechatpaySerial ?? _keys.Preferred?.Id;
        if (serial is not null)
            headers.TryAddWithoutValidation("Wechatpay-Serial", SafeHeaderValue("Wechatpay-Serial", serial));
        if (request.Headers is { } extra)
        {
            foreach (var (name, value) in extra)
            {
                if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException("WeChatPayRequest.Headers must not set Authorization: the client signs every request itself.", nameof(request));
                if (string.Equals(name, "Wechatpay-Serial", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException("Set Wechatpay-Serial through WeChatPayRequest.WechatpaySerial, not WeChatPayRequest.Headers.", nameof(request));
                if (!headers.TryAddWithoutValidation(name, SafeHeaderValue(name, value)))
                    throw new ArgumentException($"The header '{name}' cannot be set on a request; set the body's content type through WeChatPayRequest.ContentType.", nameof(request));
            }
        }

        if (request.Content is { } content)
        {
            message.Content = content;
        }
        else if (!request.Body.IsEmpty)
        {
            // The exact bytes that are signed are the bytes sent: one buffer, never re-serialized.
            message.Content = new ReadOnlyMemoryContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", SafeHeaderValue("Content-Type", request.ContentType ?? "application/json"));
        }

        var signing = new RequestSigning(_signer, method, pathAndQuery, request.Body);
        message.Options.Set(RequestSigning.OptionsKey, signing);
        if (!_signingHandlerInChain)
            signing.SignAhead(message);

        // HttpClient.Timeout covers the headers; this deadline carries the same bound over reading the body.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_http.Timeout != Timeout.InfiniteTimeSpan)
            deadline.CancelAfter(_http.Timeout);

        HttpResponseMessage response;
        try
        {
            response = useAsync
                ? await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false)
                : _http.Send(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WeChatPayException($"The request {RawResponse.Describe(method, target)} timed out after {_http.Timeout.TotalSeconds:0.###} s.", innerException: ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not WeChatPayException and not ArgumentException)
        {
            // HttpRequestException, and whatever a handler of the caller's chain throws.
            throw new WeChatPayException($"The request {RawResponse.Describe(method, target)} could not be sent: {ex.Message}", innerException: ex);
        }
        finally
        {
            if (signing.HandlerSeen)
                _signingHandlerInChain = true;
        }

        using (response)
        {
            RefuseRedirect(response, message, target, method);
            var cap = request.ExpectUnsignedResponse ? long.MaxValue : _maxResponseBodySize;
            byte[] body;
            try
            {
                body = await ResponseBody.ReadAsync(response.Content, cap, useAsync, deadline.Token).ConfigureAwait(false);
            }
            catch (ResponseBody.TooLargeException)
            {
                throw new WeChatPayException(
                    $"The response to {RawResponse.Describe(method, target)} is larger than WeChatPayOptions.MaxResponseBodySize ({_maxResponseBodySize} bytes), so it was not read; raise the cap if this endpoint really answers that much.",
                    response.StatusCode, RequestIdOf(response));
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new WeChatPayException($"Reading the response to {RawResponse.Describe(method, target)} timed out.", response.StatusCode, RequestIdOf(response), ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new WeChatPayException($"The response to {RawResponse.Describe(method, target)} could not be read: {ex.Message}", response.StatusCode, RequestIdOf(response), ex);
            }

            return new RawResponse(response.StatusCode, response.Headers, body, method, target);
        }
    }

    /// <summary>
    /// WeChat Pay never redirects an API call: a 3xx, or an answer that a handler of the caller's chain fetched from
    /// another URI, is refused, so that no body is re-sent elsewhere and no other host's answer is taken.
    /// </summary>
    private static void RefuseRedirect(HttpResponseMessage response, HttpRequestMessage message, Uri target, string method)
    {
        var status = (int)response.StatusCode;
        var moved = message.RequestUri is { } sent && !string.Equals(sent.OriginalString, target.OriginalString, StringComparison.Ordinal);
        if (status is >= 300 and <= 399 || moved)
        {
            throw new WeChatPayException(
                $"The request {RawResponse.Describe(method, target)} was answered with a redirect ({status}), which WeChat Pay never sends; the redirect was not followed (check the BaseAddress, and any proxy in between).",
                response.StatusCode, RequestIdOf(response));
        }
    }

    /// <summary>Refuses a header value with CR, LF or NUL, which would add lines to the request head; the message names the header only.</summary>
    private static string SafeHeaderValue(string name, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            throw new ArgumentException($"The value of the header '{name}' contains a line break (CR or LF) or NUL, which could inject header lines; nothing was sent.", "request");
        return value;
    }

    private static string? RequestIdOf(HttpResponseMessage response)
        => response.Headers.TryGetValues("Request-ID", out var values) ? values.FirstOrDefault() : null;

    /// <summary>
    /// Verifies <paramref name="raw"/>. Returns whether it verified; throws when it must not be used: a bad signature,
    /// an unknown key (after one certificate refresh), or a 2xx response without signature headers.
    /// </summary>
    internal async ValueTask<bool> VerifyAsync(RawResponse raw, bool expectUnsigned, bool useAsync, CancellationToken cancellationToken)
    {
        var signature = SignatureHeaders.From(raw.Headers);
        var result = Verify(in signature, raw);
        if (result == VerificationResult.UnknownSerial && _certificates is not null)
        {
            // Verify again even when this caller started no download: a concurrent refresh may have brought the key.
            await _certificates.RefreshForUnknownSerialAsync(useAsync, cancellationToken).ConfigureAwait(false);
            result = Verify(in signature, raw);
        }

        switch (result)
        {
            case VerificationResult.Verified:
                return true;
            case VerificationResult.MissingHeaders when !raw.IsSuccess || expectUnsigned:
                return false;
            case VerificationResult.MissingHeaders:
                throw new WeChatPayVerificationException(
                    $"The response to {raw.Target} ({(int)raw.StatusCode}) carried no WeChat Pay signature (Wechatpay-Timestamp, -Nonce, -Signature and -Serial), so its data is not returned.",
                    raw.StatusCode, raw.RequestId);
            default:
                throw new WeChatPayVerificationException(
                    $"The response to {raw.Target} ({(int)raw.StatusCode}) is signed with the platform key '{signature.Serial}', which this client does not have"
                    + (_certificates is null
                        ? "; configure that public key or certificate, or turn on DownloadPlatformCertificates."
                        : " even after refreshing the platform certificates."),
                    raw.StatusCode, raw.RequestId);
        }
    }

    private VerificationResult Verify(in SignatureHeaders signature, RawResponse raw)
    {
        try
        {
            return _verifier.Verify(in signature, raw.Body);
        }
        catch (WeChatPayVerificationException ex)
        {
            throw new WeChatPayVerificationException($"The response to {raw.Target} ({(int)raw.StatusCode}) failed verification: {ex.Message}", raw.StatusCode, raw.RequestId, ex);
        }
    }

    /// <summary>
    /// Joins the base address and the escaped target into the URI sent. Canonicalization is off so that
    /// <see cref="Uri.PathAndQuery"/>, what is signed, is byte for byte what goes on the wire.
    /// </summary>
    private Uri BuildTarget(string pathAndQuery)
    {
        var relative = pathAndQuery.AsSpan().TrimStart('/');
        foreach (var c in relative)
        {
            if (c <= ' ' || c == '#' || c >= 0x7F)
                throw new ArgumentException(
                    "WeChatPayRequest.PathAndQuery must be an escaped request target: no spaces, control characters, '#' or non-ASCII characters (escape values with UrlEncoding).",
                    nameof(pathAndQuery));
        }

        return new Uri(string.Concat(_baseAddress, relative), in ExactTarget);
    }

    private static string BuildUserAgent()
    {
        var version = typeof(WeChatPayClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(WeChatPayClient).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        if (plus >= 0)
            version = version[..plus];
        var os = RuntimeInformation.OSDescription.Replace('(', '[').Replace(')', ']').Replace(';', ',');
        return $"WeChatPay.SourceGen/{version} (.NET {Environment.Version}; {os})";
    }
}
