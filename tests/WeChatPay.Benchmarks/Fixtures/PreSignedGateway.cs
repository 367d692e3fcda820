using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.Benchmarks.Fixtures;

/// <summary>One constant answer, signed once by the platform key over its exact bytes.</summary>
public sealed class PreSignedResponse
{
    public PreSignedResponse(RSA platformKey, byte[] body, DateTimeOffset signedAt, string requestId)
    {
        Body = body;
        RequestId = requestId;
        Timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var message = Encoding.UTF8.GetBytes(Timestamp + "\n" + Nonce + "\n").Concat(body).Append((byte)'\n').ToArray();
        Signature = Convert.ToBase64String(platformKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public byte[] Body { get; }
    public string RequestId { get; }
    public string Timestamp { get; }
    public string Nonce { get; }
    public string Signature { get; }
}

/// <summary>
/// The in-memory WeChat Pay of the per-call benchmark: answers <c>POST</c> with the upload result and <c>GET</c> with
/// the code list, each pre-signed, so that the measurement holds only the client's work. Like a transport, it reads
/// the request body. <see cref="CheckRequests"/> turns on a full check of the signed request (exact target, body,
/// <c>Authorization</c> verified with the merchant's public key) for the one call each contender makes in setup.
/// </summary>
public sealed class PreSignedGateway : HttpMessageHandler
{
    private readonly PreSignedResponse _upload;
    private readonly PreSignedResponse _list;
    private readonly Func<byte[], string, bool> _checkSignature;

    /// <param name="checkSignature">Checks a request signature (base64) over the message rebuilt from the wire.</param>
    public PreSignedGateway(BenchIdentity identity, DateTimeOffset now, Func<byte[], string, bool> checkSignature)
    {
        _upload = new PreSignedResponse(identity.PlatformKey, Workload.UploadResponseBody(), now, "08F78BB5AF0610D4AB97C6BB01-0");
        _list = new PreSignedResponse(identity.PlatformKey, Workload.ListResponseBody(), now, "08F78BB5AF0610D4AB97C6BB01-1");
        _checkSignature = checkSignature;
    }

    /// <summary>Verify each request's signature as the gateway would (setup only: it costs an RSA verification).</summary>
    public bool CheckRequests { get; set; }

    /// <summary>The number of requests answered; setup checks that each contender made exactly one per call.</summary>
    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        byte[] body = [];
        if (request.Content is { } content)
        {
            if (CheckRequests)
                body = content.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult();
            else
                content.CopyTo(Stream.Null, null, cancellationToken);
        }
        if (CheckRequests)
            Check(request, body);

        var answer = request.Method == HttpMethod.Post ? _upload : _list;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(answer.Body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        response.Headers.TryAddWithoutValidation("Request-ID", answer.RequestId);
        response.Headers.TryAddWithoutValidation("Wechatpay-Timestamp", answer.Timestamp);
        response.Headers.TryAddWithoutValidation("Wechatpay-Nonce", answer.Nonce);
        response.Headers.TryAddWithoutValidation("Wechatpay-Signature", answer.Signature);
        response.Headers.TryAddWithoutValidation("Wechatpay-Serial", BenchIdentity.PublicKeyId);
        return response;
    }

    private void Check(HttpRequestMessage request, byte[] body)
    {
        var target = request.RequestUri!.PathAndQuery; // what a socket transport writes as the request target
        var expected = request.Method == HttpMethod.Post ? "/" + Workload.CodesPath : "/" + Workload.CodesPath + Workload.ListQuery;
        if (target != expected)
            throw new InvalidOperationException($"The contender sent {request.Method} {target}, expected {expected}.");
        if (!request.Headers.TryGetValues("Authorization", out var values))
            throw new InvalidOperationException("The contender sent no Authorization header.");
        var authorization = values.Single();
        const string scheme = "WECHATPAY2-SHA256-RSA2048 ";
        if (!authorization.StartsWith(scheme, StringComparison.Ordinal))
            throw new InvalidOperationException("The Authorization header has the wrong scheme.");
        var fields = authorization[scheme.Length..].Split(',')
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1].Trim('"'));
        if (fields["mchid"] != BenchIdentity.MerchantId || fields["serial_no"] != BenchIdentity.MerchantSerialNumber)
            throw new InvalidOperationException("The Authorization header names the wrong merchant.");
        if (fields["nonce_str"].Length != 32 || !fields["nonce_str"].All(char.IsAsciiLetterOrDigit))
            throw new InvalidOperationException("The nonce is not 32 base62 characters.");
        var message = Encoding.UTF8.GetBytes($"{request.Method.Method}\n{target}\n{fields["timestamp"]}\n{fields["nonce_str"]}\n")
            .Concat(body).Append((byte)'\n').ToArray();
        if (!_checkSignature(message, fields["signature"]))
            throw new InvalidOperationException("The request signature does not verify over the bytes on the wire.");
    }
}
