using System.Net;

namespace WeChatPay.Benchmarks.RefitAot;

/// <summary>
/// The in-process WeChat Pay of the AOT apps: answers <c>POST</c> with the upload result and <c>GET</c> with the code
/// list, each signed beforehand by the benchmark harness with the platform key (files <c>upload.json</c>,
/// <c>upload.headers</c>, <c>list.json</c>, <c>list.headers</c>), so that the apps do no key generation or gateway work.
/// </summary>
public sealed class CannedGateway(string directory) : HttpMessageHandler
{
    private readonly Canned _upload = Canned.Load(directory, "upload");
    private readonly Canned _list = Canned.Load(directory, "list");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content?.CopyTo(Stream.Null, null, cancellationToken);
        var answer = request.Method == HttpMethod.Post ? _upload : _list;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(answer.Body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        foreach (var (name, value) in answer.Headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    private sealed record Canned(byte[] Body, KeyValuePair<string, string>[] Headers)
    {
        public static Canned Load(string directory, string name)
        {
            var headers = File.ReadAllLines(Path.Combine(directory, name + ".headers"))
                .Where(line => line.Contains(':'))
                .Select(line => new KeyValuePair<string, string>(line[..line.IndexOf(':')].Trim(), line[(line.IndexOf(':') + 1)..].Trim()))
                .ToArray();
            return new Canned(File.ReadAllBytes(Path.Combine(directory, name + ".json")), headers);
        }
    }
}
