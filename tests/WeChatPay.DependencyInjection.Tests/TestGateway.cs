using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.DependencyInjection.Tests;

/// <summary>
/// A merchant identity and a WeChat Pay public key made for the tests with System.Security.Cryptography alone,
/// independent of the runtime's key loading and signing.
/// </summary>
internal static class TestKeys
{
    public const string MerchantId = "1900000001";
    public const string MerchantSerialNumber = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
    public const string ApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

    public static readonly RSA Merchant = RSA.Create(2048);
    public static readonly RSA Platform = RSA.Create(2048);
    public static readonly string MerchantPrivateKeyPem = Merchant.ExportPkcs8PrivateKeyPem();
    public static readonly string PlatformPublicKeyPem = Platform.ExportSubjectPublicKeyInfoPem();

    public static void Configure(WeChatPayOptions options, Uri? baseAddress = null)
    {
        options.MerchantId = MerchantId;
        options.MerchantSerialNumber = MerchantSerialNumber;
        options.MerchantPrivateKey = MerchantPrivateKeyPem;
        options.ApiV3Key = ApiV3Key;
        options.PublicKeyId = PublicKeyId;
        options.PlatformPublicKey = PlatformPublicKeyPem;
        options.BaseAddress = baseAddress ?? new Uri("https://api.mch.weixin.qq.com/");
    }
}

/// <summary>
/// The WeChat Pay side of the tests' HTTP exchanges: records each request's target and Authorization header and
/// answers with a body signed by the platform key, as the gateway does.
/// </summary>
internal sealed class SignedResponder : HttpMessageHandler
{
    private int _failuresLeft;

    /// <param name="failFirst">How many first attempts get a signed 503, for retry tests.</param>
    public SignedResponder(int failFirst = 0) => _failuresLeft = failFirst;

    public ConcurrentQueue<(string Method, string Target, string? Authorization)> Requests { get; } = new();

    public string ResponseBody { get; set; } = """{"pong":true}""";

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        => Respond(request);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(Respond(request));

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : null;
        Requests.Enqueue((request.Method.Method, request.RequestUri!.PathAndQuery, authorization));

        var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
        var status = fail ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        var body = fail ? """{"code":"SYSTEM_ERROR","message":"try again"}""" : ResponseBody;

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var signature = Convert.ToBase64String(TestKeys.Platform.SignData(
            Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
        response.Headers.Add("Request-ID", "08F1A8DA9B0610AE0518" + Requests.Count);
        response.Headers.Add("Wechatpay-Timestamp", timestamp);
        response.Headers.Add("Wechatpay-Nonce", nonce);
        response.Headers.Add("Wechatpay-Signature", signature);
        response.Headers.Add("Wechatpay-Serial", TestKeys.PublicKeyId);
        return response;
    }
}

/// <summary>Resends a request once when the first answer is a 503, as a resilience handler would.</summary>
internal sealed class RetryOnceHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            return response;
        response.Dispose();
        return await base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = base.Send(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            return response;
        response.Dispose();
        return base.Send(request, cancellationToken);
    }
}

/// <summary>Records that a request passed through the application's part of the pipeline.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public int Count;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Count);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Count);
        return base.Send(request, cancellationToken);
    }
}

/// <summary>
/// Stands in for a generated client (the DI library must not depend on the generator): an interface with the
/// static <c>Create(WeChatPayClient)</c> factory the generator adds.
/// </summary>
public interface IPingApi
{
    static IPingApi Create(WeChatPayClient client) => new PingApi(client);

    Task<WeChatPayResponse> PingAsync(CancellationToken cancellationToken = default);

    WeChatPayResponse Ping();

    private sealed class PingApi(WeChatPayClient client) : IPingApi
    {
        public Task<WeChatPayResponse> PingAsync(CancellationToken cancellationToken)
            => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/ping"), cancellationToken);

        public WeChatPayResponse Ping() => client.Send(new WeChatPayRequest(HttpMethod.Get, "v3/ping"));
    }
}

/// <summary>Checks a request's Authorization independently: rebuilds the signed message and verifies it with the merchant's public key.</summary>
internal static class AuthorizationCheck
{
    public static Dictionary<string, string> Parse(string authorization)
    {
        var space = authorization.IndexOf(' ');
        Assert.Equal("WECHATPAY2-SHA256-RSA2048", authorization[..space]);
        return authorization[(space + 1)..].Split(',')
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1].Trim('"'));
    }

    public static bool Verifies(string method, string target, string authorization, string body = "")
    {
        var parts = Parse(authorization);
        var message = $"{method}\n{target}\n{parts["timestamp"]}\n{parts["nonce_str"]}\n{body}\n";
        var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(TestKeys.Merchant.ExportSubjectPublicKeyInfo(), out _);
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(parts["signature"]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
