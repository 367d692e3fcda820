using System.Net;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>Defect 2: WeChat Pay never redirects an API call, so a 3xx is an error and its target is never contacted.</summary>
public class RedirectTests
{
    private static WeChatPayOptions Options(Uri baseAddress)
    {
        var options = Gateway.Options(TestIdentities.Rsa, TimeProvider.System);
        options.BaseAddress = baseAddress;
        return options;
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Default_client_does_not_follow_a_redirect_and_reports_it(int status)
    {
        using var elsewhere = new LoopbackHttpServer(_ => LoopbackHttpServer.Raw("HTTP/1.1 200 OK\nContent-Length: 2\n", "{}"u8.ToArray()));
        using var gateway = new LoopbackHttpServer(_ => LoopbackHttpServer.Raw($"HTTP/1.1 {status} Moved\nLocation: {elsewhere.BaseAddress}v3/stolen\nContent-Length: 0\n"));
        using var client = new WeChatPayClient(Options(gateway.BaseAddress));

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/pay") { Body = "{\"amount\":1}"u8.ToArray() }));

        Assert.IsNotType<WeChatPayApiException>(error);
        Assert.Contains("redirect", error.Message);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Empty(elsewhere.RequestLines);
    }

    [Fact]
    public async Task A_redirect_followed_by_a_callers_handler_is_refused()
    {
        using var elsewhere = new LoopbackHttpServer(_ => LoopbackHttpServer.Raw("HTTP/1.1 200 OK\nContent-Length: 2\n", "{}"u8.ToArray()));
        using var gateway = new LoopbackHttpServer(_ => LoopbackHttpServer.Raw($"HTTP/1.1 307 Moved\nLocation: {elsewhere.BaseAddress}v3/stolen\nContent-Length: 0\n"));
        using var client = new WeChatPayClient(Options(gateway.BaseAddress), new SocketsHttpHandler { AllowAutoRedirect = true });

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/pay")));

        Assert.Contains("redirect", error.Message);
    }
}
