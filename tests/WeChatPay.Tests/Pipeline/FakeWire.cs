using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace WeChatPay.Tests.Pipeline;

/// <summary>A request as it reached the wire: the target as sent, every header, and the exact content bytes.</summary>
public sealed record CapturedRequest(
    string Method,
    Uri Uri,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? ContentType)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string Authorization => Header("Authorization") ?? throw new InvalidOperationException("The request carried no Authorization header.");

    /// <summary>The Authorization parameters, parsed here (not by the runtime).</summary>
    public IReadOnlyDictionary<string, string> AuthorizationParameters
    {
        get
        {
            var value = Authorization;
            var space = value.IndexOf(' ');
            var result = new Dictionary<string, string>(StringComparer.Ordinal) { ["scheme"] = value[..space] };
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(value[(space + 1)..], "([a-z_]+)=\"([^\"]*)\""))
                result.Add(m.Groups[1].Value, m.Groups[2].Value);
            return result;
        }
    }

    /// <summary>The signed message rebuilt from the wire alone: METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n.</summary>
    public byte[] RebuildSignedMessage(byte[]? signedBody = null)
    {
        var p = AuthorizationParameters;
        var head = Encoding.UTF8.GetBytes($"{Method}\n{PathAndQuery}\n{p["timestamp"]}\n{p["nonce_str"]}\n");
        var body = signedBody ?? Body;
        return [.. head, .. body, (byte)'\n'];
    }
}

/// <summary>
/// An in-memory WeChat Pay: captures each request on the wire and answers with what <see cref="Respond"/> builds
/// (normally a response signed outside the runtime, by <see cref="OutsideSigner"/>). Supports Send and SendAsync.
/// </summary>
public sealed class FakeWire : HttpMessageHandler
{
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    public FakeWire(Func<CapturedRequest, HttpResponseMessage> respond) => Respond = respond;

    public Func<CapturedRequest, HttpResponseMessage> Respond { get; set; }

    /// <summary>Runs before answering (for example to block concurrent callers); async path only.</summary>
    public Func<CapturedRequest, Task>? BeforeAnswerAsync { get; set; }

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    public int SyncSends { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var captured = await CaptureAsync(request, cancellationToken);
        if (BeforeAnswerAsync is { } before)
            await before(captured).WaitAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Answer(request, captured);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SyncSends++;
        var captured = CaptureAsync(request, cancellationToken).GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        return Answer(request, captured);
    }

    private HttpResponseMessage Answer(HttpRequestMessage request, CapturedRequest captured)
    {
        var response = Respond(captured);
        response.RequestMessage = request;
        return response;
    }

    private async Task<CapturedRequest> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
            headers[header.Key] = string.Join(", ", header.Value);
        byte[] body = [];
        string? contentType = null;
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken);
            contentType = content.Headers.ContentType?.ToString();
            foreach (var header in content.Headers.NonValidated)
                headers[header.Key] = string.Join(", ", header.Value);
        }

        var captured = new CapturedRequest(request.Method.Method, request.RequestUri!, request.RequestUri!.PathAndQuery, headers, body, contentType);
        _requests.Enqueue(captured);
        return captured;
    }
}

/// <summary>A delegating handler that sends every request twice (the first answer is dropped), like a retry policy.</summary>
public sealed class ResendingHandler : DelegatingHandler
{
    public ResendingHandler() { }

    public ResendingHandler(HttpMessageHandler inner) : base(inner) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        (await base.SendAsync(request, cancellationToken)).Dispose();
        return await base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        base.Send(request, cancellationToken).Dispose();
        return base.Send(request, cancellationToken);
    }
}

/// <summary>Answers built by hand, for tests that need an unsigned or odd response.</summary>
public static class Answers
{
    public static HttpResponseMessage Json(HttpStatusCode status, string body, string? requestId = "req-1")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (requestId is not null)
            response.Headers.TryAddWithoutValidation("Request-ID", requestId);
        return response;
    }
}
