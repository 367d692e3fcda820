using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>Defect 1: a header value with CR, LF or NUL would add header lines on the wire; it is refused before sending.</summary>
public class HeaderInjectionTests
{
    public static TheoryData<string> Breaks => new() { "a\r\nX-Injected: 1", "a\nX-Injected: 1", "a\rX-Injected: 1", "a\0b" };

    private static (WeChatPayClient Client, FakeWire Wire) Client()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        return (Gateway.Client(wire, id, time), wire);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task Extra_header_value_with_a_line_break_is_refused_naming_the_header_not_the_value(string value)
    {
        var (client, wire) = Client();
        using var _ = client;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a") { Headers = [new("Idempotency-Key", value)] }));

        Assert.Contains("Idempotency-Key", error.Message);
        Assert.DoesNotContain("X-Injected", error.Message);
        Assert.Empty(wire.Requests);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Wechatpay_serial_with_a_line_break_is_refused(string value)
    {
        var (client, wire) = Client();
        using var _ = client;

        var error = Assert.Throws<ArgumentException>(() => client.Send(new WeChatPayRequest(HttpMethod.Get, "v3/a") { WechatpaySerial = value }));

        Assert.Contains("Wechatpay-Serial", error.Message);
        Assert.Empty(wire.Requests);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task Content_type_with_a_line_break_is_refused(string value)
    {
        var (client, wire) = Client();
        using var _ = client;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{}"u8.ToArray(), ContentType = value }));

        Assert.Contains("Content-Type", error.Message);
        Assert.Empty(wire.Requests);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task Chain_header_with_a_line_break_is_refused(string value)
    {
        var (client, wire) = Client();
        using var _ = client;

        await Assert.ThrowsAsync<ArgumentException>(() => client.Chain("v3/a").GetAsync(new ChainRequestOptions { Headers = [new("X-Trace", value)] }));

        Assert.Empty(wire.Requests);
    }

    [Fact]
    public async Task Header_value_with_a_tab_and_non_ascii_text_is_still_sent()
    {
        var (client, wire) = Client();
        using var _ = client;

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a") { Headers = [new("X-Trace", "a\tb")] });

        Assert.Equal("a\tb", Assert.Single(wire.Requests).Header("X-Trace"));
    }
}
