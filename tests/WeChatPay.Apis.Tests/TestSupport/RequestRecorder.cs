namespace WeChatPay.Apis.Tests.TestSupport;

/// <summary>
/// Records each request a client sends over a real socket, so a test checks what went over the wire, for example
/// where a paged walk stopped.
/// </summary>
public sealed class RequestRecorder : DelegatingHandler
{
    private readonly List<string> _sent = [];

    public RequestRecorder() => InnerHandler = new SocketsHttpHandler();

    /// <summary>The query strings of the GETs sent so far whose path and query contain <paramref name="pathPart"/>.</summary>
    public string[] Queries(string pathPart)
    {
        lock (_sent)
            return _sent.Where(t => t.Contains(pathPart, StringComparison.Ordinal) && t.Contains('?')).Select(t => t.Split('?')[1]).ToArray();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
        {
            lock (_sent)
                _sent.Add(request.RequestUri!.PathAndQuery);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
