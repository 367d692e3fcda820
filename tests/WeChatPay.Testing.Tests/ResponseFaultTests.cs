using System.Net;

namespace WeChatPay.Testing.Tests;

/// <summary>
/// Deliberate faults in the sandbox's answers: the runtime client must refuse each one and never hand back the data.
/// </summary>
public sealed class ResponseFaultTests
{
    private static (WeChatPaySandbox Sandbox, WeChatPayClient Client, string StockId) Setup(SignatureScheme scheme)
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.Merchant(scheme);
        var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());
        var stockId = client.Chain("v3/marketing/busifavor/stocks").Post(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant) })
            .Json!["stock_id"]!.GetValue<string>();
        return (sandbox, client, stockId);
    }

    [Theory]
    [InlineData(SandboxResponseFault.TamperedBody, SignatureScheme.Rsa)]
    [InlineData(SandboxResponseFault.WrongSignature, SignatureScheme.Rsa)]
    [InlineData(SandboxResponseFault.StaleTimestamp, SignatureScheme.Rsa)]
    [InlineData(SandboxResponseFault.UnknownSerial, SignatureScheme.Rsa)]
    [InlineData(SandboxResponseFault.SignatureProbe, SignatureScheme.Rsa)]
    [InlineData(SandboxResponseFault.Unsigned, SignatureScheme.Rsa)]
    [InlineData(SandboxResponseFault.TamperedBody, SignatureScheme.ShangMi)]
    [InlineData(SandboxResponseFault.WrongSignature, SignatureScheme.ShangMi)]
    public async Task The_runtime_refuses_a_success_answer_with_a_fault(SandboxResponseFault fault, SignatureScheme scheme)
    {
        var (sandbox, client, stockId) = Setup(scheme);
        using var _ = client;
        sandbox.Options.ResponseFault = fault;

        await Assert.ThrowsAsync<WeChatPayVerificationException>(() =>
            client.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } }));
    }

    [Fact]
    public async Task An_unsigned_error_answer_is_surfaced_as_unverified()
    {
        var (sandbox, client, _) = Setup(SignatureScheme.Rsa);
        using var __ = client;
        sandbox.Options.ResponseFault = SandboxResponseFault.Unsigned;

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            client.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = "404" } }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(error.IsVerified);
    }

    [Fact]
    public async Task Answers_verify_again_once_the_fault_is_cleared()
    {
        var (sandbox, client, stockId) = Setup(SignatureScheme.Rsa);
        using var _ = client;
        sandbox.Options.ResponseFault = SandboxResponseFault.TamperedBody;
        sandbox.Options.ResponseFault = SandboxResponseFault.None;

        var response = await client.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
