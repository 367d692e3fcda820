using System.Net;
using System.Text;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>Defect 10: an answer larger than MaxResponseBodySize is refused without being read whole; file downloads are exempt.</summary>
public class ResponseSizeCapTests
{
    [Fact]
    public void Default_cap_suits_json_apis()
        => Assert.Equal(4 * 1024 * 1024, new WeChatPayOptions().MaxResponseBodySize);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Answer_over_the_cap_is_refused_over_real_sockets(bool announceLength)
    {
        var body = Encoding.ASCII.GetBytes("{\"a\":\"" + new string('x', 5000) + "\"}");
        var head = announceLength
            ? $"HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: {body.Length}\n"
            : "HTTP/1.1 200 OK\nContent-Type: application/json\nConnection: close\n";
        using var server = new LoopbackHttpServer(_ => LoopbackHttpServer.Raw(head, body));
        var options = Gateway.Options(TestIdentities.Rsa, TimeProvider.System);
        options.BaseAddress = server.BaseAddress;
        options.MaxResponseBodySize = 4096;
        using var client = new WeChatPayClient(options);

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("MaxResponseBodySize", error.Message);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task Signed_answer_under_the_cap_is_returned()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var json = "{\"a\":\"" + new string('x', 4000) + "\"}";
        using var client = Gateway.Client(new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, json)), id, time, o => o.MaxResponseBodySize = 4096);

        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        Assert.Equal(json, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task File_download_is_exempt_from_the_cap()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var file = new string('x', 10_000);
        using var client = Gateway.Client(new FakeWire(_ => Answers.Json(HttpStatusCode.OK, file)), id, time, o => o.MaxResponseBodySize = 4096);

        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/billdownload/file?token=t") { ExpectUnsignedResponse = true });

        Assert.Equal(10_000, response.Body.Length);
    }

    [Fact]
    public void Cap_must_be_positive()
    {
        var options = Gateway.Options(TestIdentities.Rsa, TimeProvider.System);
        options.MaxResponseBodySize = 0;

        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())));
        Assert.Contains("MaxResponseBodySize", error.Message);
    }
}
