using System.Net;
using System.Text;

namespace WeChatPay.Testing.Tests;

/// <summary>How <see cref="SandboxServer"/> hands requests to the sandbox: the exact body bytes, however they were framed.</summary>
[Collection(SandboxCollection.Name)]
public sealed class HostingTests(SandboxFixture fixture)
{
    [Fact]
    public async Task A_chunked_body_without_Content_Length_is_verified_over_its_exact_bytes()
    {
        var merchant = fixture.Rsa;
        var body = Encoding.UTF8.GetBytes(SandboxFixture.StockDefinition(merchant).ToJsonString());
        const string Target = "/v3/marketing/busifavor/stocks";
        using var key = MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Server.BaseAddress, Target.TrimStart('/')))
        {
            // A stream of unknown length: HttpClient sends it chunked, with no Content-Length.
            Content = new StreamContent(new UnseekableStream(body)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", signer.CreateAuthorization("POST", Target, body));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");

        using var response = await fixture.Http.SendAsync(request);

        Assert.True(request.Headers.TransferEncodingChunked);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_body_is_verified_over_an_empty_body()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", "/v3/marketing/busifavor/stocks/1212000000000000000000001");

        // Past the signature check: the stock does not exist, which is not a SIGN_ERROR.
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("RESOURCE_NOT_EXISTS", response.Json["code"]!.GetValue<string>());
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
