using System.Net;
using System.Text;

namespace WeChatPay.Testing.Tests;

/// <summary>Defect 7: a body with an invalid UTF-16 escape is a signed 400 PARAM_ERROR, never a 500, and nothing of it is stored.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BadJsonTests(SandboxFixture fixture)
{
    private const string Stocks = "/v3/marketing/busifavor/stocks";

    private string StockWithComment(string escapedComment)
        => SandboxFixture.StockDefinition(fixture.Rsa).ToJsonString().Replace("\"sandbox test stock\"", "\"" + escapedComment + "\"");

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00x")]
    [InlineData("a\\ud83d")]
    public async Task Lone_surrogate_over_kestrel_is_a_signed_param_error(string comment)
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "POST", Stocks, StockWithComment(comment));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PARAM_ERROR", response.Json["code"]!.GetValue<string>());
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public void Lone_surrogate_in_process_is_a_signed_param_error_and_no_stock_is_created()
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.RegisterMerchant(fixture.Rsa.MerchantId, fixture.Rsa.MerchantSerialNumber, fixture.Rsa.PublicKeyPem, fixture.Rsa.ApiV3Key);
        using var key = MerchantPrivateKey.FromPem(fixture.Rsa.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);
        var definition = SandboxFixture.StockDefinition(fixture.Rsa, outRequestNo: "bad-json-1");
        var body = Encoding.UTF8.GetBytes(definition.ToJsonString().Replace("\"sandbox test stock\"", "\"\\ud800\""));
        SandboxResponse Post(byte[] bytes) => sandbox.Handle(new SandboxRequest("POST", Stocks,
            [new("Authorization", signer.CreateAuthorization("POST", Stocks, bytes, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), SandboxFixture.NewNonce()))], bytes));

        var bad = Post(body);

        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("PARAM_ERROR", Encoding.UTF8.GetString(bad.Body));
        Assert.NotNull(bad.GetHeader("Wechatpay-Signature"));

        // The same out_request_no with a good body creates the stock: the bad one left nothing behind.
        var good = Post(Encoding.UTF8.GetBytes(definition.ToJsonString()));
        Assert.Equal(200, good.StatusCode);
    }
}
