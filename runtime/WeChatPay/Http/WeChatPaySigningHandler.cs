namespace WeChatPay;

/// <summary>
/// Signs every pass of a WeChat Pay request with a fresh nonce and timestamp, so that a retry handler that resends
/// the same <see cref="HttpRequestMessage"/> (Polly, <c>Microsoft.Extensions.Http.Resilience</c>, a hand-written
/// retry loop) never replays a signature, which WeChat Pay would reject as a reused nonce.
/// </summary>
/// <remarks>
/// <para>
/// The handler signs only requests that a <see cref="WeChatPayClient"/> sent: the client attaches what to sign (the
/// method, the exact request target and the exact body bytes) to the request's <see cref="HttpRequestMessage.Options"/>;
/// every other request passes through untouched. It is stateless and may be shared.
/// </para>
/// <para>
/// Place it <b>innermost</b>, below every retry handler, so that it runs on each resend. A client built over an
/// <see cref="HttpMessageHandler"/> inserts it there itself. For a client over a caller-owned <see cref="HttpClient"/>,
/// such as one from <c>IHttpClientFactory</c>, register it last, after any resilience handler, because the factory
/// orders additional handlers from outermost to innermost:
/// <code>
/// services.AddHttpClient("wechatpay")
///     .AddStandardResilienceHandler()                               // outer: retries
///     .AddHttpMessageHandler(() => new WeChatPaySigningHandler()); // inner: signs each attempt
/// </code>
/// Without the handler the client signs once before sending, which is correct for a single attempt; a retry
/// handler in that chain would then resend the same signature.
/// </para>
/// <para>
/// A normal call costs one private-key signature either way: on the first pass the handler reuses a signature the
/// client made before it knew a handler was present, and the client then stops signing ahead.
/// </para>
/// </remarks>
public sealed class WeChatPaySigningHandler : DelegatingHandler
{
    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or let <c>IHttpClientFactory</c> do it.</summary>
    public WeChatPaySigningHandler()
    {
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    public WeChatPaySigningHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SignPass(request);
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SignPass(request);
        return base.Send(request, cancellationToken);
    }

    private static void SignPass(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(RequestSigning.OptionsKey, out var signing))
            signing.SignPass(request);
    }
}

/// <summary>
/// What to sign for one request, attached to it through <see cref="HttpRequestMessage.Options"/>. Holds the signer
/// and the exact target and body; never the produced <c>Authorization</c> value beyond the header itself.
/// </summary>
internal sealed class RequestSigning
{
    public static readonly HttpRequestOptionsKey<RequestSigning> OptionsKey = new("WeChatPay.RequestSigning");

    private readonly RequestSigner _signer;
    private readonly string _method;
    private readonly string _pathAndQuery;
    private readonly ReadOnlyMemory<byte> _body;
    private int _signedAhead;
    private volatile bool _handlerSeen;

    public RequestSigning(RequestSigner signer, string method, string pathAndQuery, ReadOnlyMemory<byte> body)
    {
        _signer = signer;
        _method = method;
        _pathAndQuery = pathAndQuery;
        _body = body;
    }

    /// <summary>The exact body bytes signed (the <c>meta</c> JSON for a media upload).</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>Whether a <see cref="WeChatPaySigningHandler"/> saw this request on its way out.</summary>
    public bool HandlerSeen => _handlerSeen;

    /// <summary>Signs before sending, for a chain with no signing handler (or one not yet detected).</summary>
    public void SignAhead(HttpRequestMessage request)
    {
        SetAuthorization(request);
        Volatile.Write(ref _signedAhead, 1);
    }

    /// <summary>One pass through the signing handler: reuse the signature made ahead once, else sign afresh.</summary>
    public void SignPass(HttpRequestMessage request)
    {
        _handlerSeen = true;
        if (Interlocked.Exchange(ref _signedAhead, 0) == 1)
            return;
        SetAuthorization(request);
    }

    private void SetAuthorization(HttpRequestMessage request)
    {
        var authorization = _signer.CreateAuthorization(_method, _pathAndQuery, _body.Span);
        var headers = request.Headers;
        headers.Remove("Authorization");
        headers.TryAddWithoutValidation("Authorization", authorization);
    }
}
