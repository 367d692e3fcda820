using System.Net;
using System.Net.Http.Headers;

namespace WeChatPay.Testing.Hosting;

/// <summary>
/// Runs the sandbox in process: every request goes to <see cref="WeChatPaySandbox.Handle"/>, with the exact
/// request target and body bytes the client would have put on the wire. Supports <see cref="HttpClient.Send(HttpRequestMessage)"/>.
/// </summary>
internal sealed class SandboxHandler(WeChatPaySandbox sandbox) : HttpMessageHandler
{
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] body = [];
        if (request.Content is { } content)
        {
            using var stream = content.ReadAsStream(cancellationToken);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            body = buffer.ToArray();
        }
        return Answer(request, body);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var answer = Answer(request, body);
        if (sandbox.NextResponseDelay() is var delay && delay > TimeSpan.Zero)
            await Task.Delay(delay, sandbox.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    private HttpResponseMessage Answer(HttpRequestMessage request, byte[] body)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri)
            throw new InvalidOperationException("The request URI must be absolute; set HttpClient.BaseAddress.");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers.NonValidated)
            headers.Add(new(name, values.ToString()));
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
                headers.Add(new(name, values.ToString()));
        }
        var answer = sandbox.Handle(new SandboxRequest(request.Method.Method, uri.PathAndQuery, headers, body));
        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body),
        };
        foreach (var (name, value) in answer.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else
                response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }
}
