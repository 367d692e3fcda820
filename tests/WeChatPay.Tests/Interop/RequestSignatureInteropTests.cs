using System.Net;
using System.Net.Sockets;
using System.Text;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Interop;

/// <summary>
/// Requests the runtime signs verify with openssl, fed only the message rebuilt from the request on the wire.
/// </summary>
public class RequestSignatureInteropTests
{
    private const string UploadBody = "{\"stock_id\":\"1212\",\"coupon_code_list\":[\"ABC-1\",\"库存\"],\"upload_request_no\":\"1002600620019090123143254436\"}";

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Request_signed_by_the_runtime_verifies_with_openssl_from_the_wire(SignatureScheme scheme)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        var target = "v3/marketing/busifavor/stocks/" + UrlEncoding.EscapePathSegment("a/b c") + "/couponcodes?limit=10&status=" + UrlEncoding.EscapeQueryComponent("可用");
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, target) { Body = Encoding.UTF8.GetBytes(UploadBody) });

        var sent = Assert.Single(wire.Requests);
        Assert.Equal("/v3/marketing/busifavor/stocks/a%2Fb%20c/couponcodes?limit=10&status=%E5%8F%AF%E7%94%A8", sent.PathAndQuery);
        Assert.Equal(UploadBody, Encoding.UTF8.GetString(sent.Body));
        Assert.True(OpenSslVerifies(id, sent), "openssl rejected the signature over the message rebuilt from the wire");
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Openssl_rejects_the_signature_when_the_wire_message_differs_in_one_byte(SignatureScheme scheme)
    {
        // Guards the check above: the independent verifier really compares the rebuilt message.
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/x") { Body = Encoding.UTF8.GetBytes(UploadBody) });

        var sent = Assert.Single(wire.Requests);
        Assert.False(OpenSslVerifies(id, sent, Encoding.UTF8.GetBytes(UploadBody.Replace("1212", "1213"))));
    }

    [Fact]
    public async Task Get_without_body_signs_an_empty_body_line()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "/v3/certificates?algorithm_type=RSA"));

        var sent = Assert.Single(wire.Requests);
        Assert.Empty(sent.Body);
        Assert.Null(sent.ContentType);
        Assert.True(OpenSslVerifies(id, sent));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa, "WECHATPAY2-SHA256-RSA2048")]
    [InlineData(SignatureScheme.ShangMi, "WECHATPAY2-SM2-WITH-SM3")]
    public async Task Authorization_names_the_scheme_merchant_serial_clock_and_a_fresh_base62_nonce(SignatureScheme scheme, string schemeName)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        var first = wire.Requests[0].AuthorizationParameters;
        var second = wire.Requests[1].AuthorizationParameters;
        Assert.Equal(schemeName, first["scheme"]);
        Assert.Equal(TestIdentities.MerchantId, first["mchid"]);
        Assert.Equal(TestIdentities.MerchantSerialNumber, first["serial_no"]);
        Assert.Equal(Gateway.Unix(time.UnixSeconds), first["timestamp"]);
        Assert.Matches("^[0-9A-Za-z]{32}$", first["nonce_str"]);
        Assert.NotEqual(first["nonce_str"], second["nonce_str"]);
    }

    [Fact]
    public async Task Target_on_a_real_socket_is_byte_for_byte_the_signed_target()
    {
        // A raw TCP listener reads the request line as HttpClient wrote it; System.Uri must not have rewritten the target.
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = Gateway.Options(id, time);
        options.BaseAddress = new Uri($"http://127.0.0.1:{port}/prefix");
        using var client = new WeChatPayClient(options);

        var target = "v3/stocks/%7Bodd%7D/a%2Fb/c%2e%2Ex/codes?q=%E5%BA%93&x=1%2B1";
        var call = client.SendAsync(new WeChatPayRequest(HttpMethod.Get, target));

        using var socket = await listener.AcceptTcpClientAsync();
        var stream = socket.GetStream();
        var head = await ReadHeadAsync(stream);
        var lines = head.Split("\r\n");
        var requestLine = lines[0];
        var authorization = lines.First(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))["Authorization:".Length..].Trim();
        var body = Encoding.UTF8.GetBytes("{\"ok\":true}");
        var signature = id.SignResponse(body, time.UnixSeconds, "n0nce");
        var answer = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nWechatpay-Timestamp: {signature.Timestamp}\r\n"
            + $"Wechatpay-Nonce: {signature.Nonce}\r\nWechatpay-Signature: {signature.Signature}\r\nWechatpay-Serial: {signature.Serial}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
        await stream.WriteAsync(body);
        var response = await call;

        Assert.Equal($"GET /prefix/{target} HTTP/1.1", requestLine);
        var sent = new CapturedRequest("GET", new Uri("http://x/"), $"/prefix/{target}",
            new Dictionary<string, string> { ["Authorization"] = authorization }, [], null);
        Assert.True(OpenSslVerifies(id, sent));
        Assert.Equal(body, response.Body.ToArray());
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
                break;
            buffer.Add(one[0]);
        }

        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    /// <summary>openssl dgst over the message rebuilt from the captured request, with the merchant public key only.</summary>
    internal static bool OpenSslVerifies(SchemeIdentity id, CapturedRequest sent, byte[]? signedBody = null)
    {
        using var directory = new TempDirectory();
        var message = directory.Write("message.bin", sent.RebuildSignedMessage(signedBody));
        var signature = directory.Write("signature.bin", Convert.FromBase64String(sent.AuthorizationParameters["signature"]));
        var publicKey = directory.Write("merchant.pub.pem", id.MerchantPublicKeyPem);
        var result = id.Scheme == SignatureScheme.Rsa
            ? OpenSsl.Run("dgst", "-sha256", "-verify", publicKey, "-signature", signature, message)
            : OpenSsl.Run("dgst", "-sm3", "-verify", publicKey, "-sigopt", "distid:1234567812345678", "-signature", signature, message);
        return result.ExitCode == 0 && result.Text.Contains("Verified OK", StringComparison.Ordinal);
    }
}
