using System.Net;

namespace WeChatPay.Testing.Tests;

/// <summary>The in-process HttpMessageHandler, for unit tests: same rules, synchronous and asynchronous.</summary>
public sealed class InProcessHandlerTests
{
    private static readonly Uri Gateway = new("https://api.mch.weixin.qq.com/");

    [Fact]
    public void Serves_the_synchronous_HttpClient_Send_path()
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.Merchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, Gateway), sandbox.CreateHandler());

        var created = client.Chain("v3/marketing/busifavor/stocks").Post(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant) });
        var stockId = created.Json!["stock_id"]!.GetValue<string>();
        var uploaded = client.Chain(SandboxFixture.CouponCodes).Post(SandboxFixture.Upload(stockId, "sync", "SYNC-1", "SYNC-1", "bad*"));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(1, uploaded.Json!["success_count"]!.GetValue<int>());
        Assert.Equal(1, uploaded.Json["fail_count"]!.GetValue<int>());
        Assert.Single(uploaded.Json["duplicate_codes"]!.AsArray());
    }

    [Fact]
    public async Task Rejects_a_client_with_the_wrong_serial_through_the_handler()
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.Merchant();
        var options = sandbox.CreateClientOptions(merchant, Gateway);
        options.MerchantSerialNumber = "0000000000000000000000000000000000000001";
        using var client = new WeChatPayClient(options, sandbox.CreateHandler());

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.Chain("v3/certificates").GetAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("SIGN_ERROR", error.Code);
        Assert.True(error.IsVerified);
    }

    [Fact]
    public async Task Handles_concurrent_uploads_to_one_stock_consistently()
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.Merchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, Gateway), sandbox.CreateHandler());
        var stockId = (await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant) }))
            .Json!["stock_id"]!.GetValue<string>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.Chain(SandboxFixture.CouponCodes).PostAsync(SandboxFixture.Upload(stockId, $"parallel-{i}", "SHARED", $"OWN-{i}"))));

        Assert.Equal(1, results.Count(r => r.Json!["success_codes"]!.AsArray().Any(c => c!.GetValue<string>() == "SHARED")));
        Assert.Equal(7, results.Count(r => r.Json!["exist_codes"]!.AsArray().Any(c => c!.GetValue<string>() == "SHARED")));
        var listed = await client.Chain(SandboxFixture.CouponCodes).GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } });
        Assert.Equal(9, listed.Json!["total_count"]!.GetValue<int>());
    }
}
