using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace WeChatPay.DependencyInjection.Tests;

/// <summary>
/// The primary handler of a test client: sends over a real <see cref="SocketsHttpHandler"/> and keeps, per attempt,
/// the <c>Authorization</c> the signing handler (just above it) wrote and the <c>Request-ID</c> of the answer, if any.
/// </summary>
internal sealed partial class WireRecorder() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(request.Method.Method, request.Headers.Authorization?.ToString() ?? "");
        Attempts.Enqueue(attempt);
        var response = await base.SendAsync(request, cancellationToken);
        attempt.RequestId = response.Headers.TryGetValues("Request-ID", out var ids) ? ids.First() : null;
        attempt.Signature = response.Headers.TryGetValues("Wechatpay-Signature", out var signatures) ? signatures.First() : null;
        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(request.Method.Method, request.Headers.Authorization?.ToString() ?? "");
        Attempts.Enqueue(attempt);
        var response = base.Send(request, cancellationToken);
        attempt.RequestId = response.Headers.TryGetValues("Request-ID", out var ids) ? ids.First() : null;
        attempt.Signature = response.Headers.TryGetValues("Wechatpay-Signature", out var signatures) ? signatures.First() : null;
        return response;
    }

    /// <summary>One request as it left for the wire, and what came back.</summary>
    public sealed class Attempt(string method, string authorization)
    {
        public string Method { get; } = method;

        public string Authorization { get; } = authorization;

        public string Nonce => Field("nonce_str");

        public string Timestamp => Field("timestamp");

        public string RequestSignature => Field("signature");

        /// <summary>The answer's <c>Request-ID</c>; null while unanswered, or when the attempt was given up.</summary>
        public string? RequestId { get; set; }

        /// <summary>The answer's <c>Wechatpay-Signature</c>.</summary>
        public string? Signature { get; set; }

        private string Field(string name)
        {
            var match = AuthorizationField().Matches(Authorization).FirstOrDefault(m => m.Groups[1].Value == name);
            return match?.Groups[2].Value ?? throw new InvalidOperationException($"The Authorization header has no {name}.");
        }
    }

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();
}
