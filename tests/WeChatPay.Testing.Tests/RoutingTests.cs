using System.Net;

namespace WeChatPay.Testing.Tests;

/// <summary>Routes the gateway does not have, methods it does not allow, and escaped path values.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RoutingTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Answers_404_NOT_FOUND_for_an_unknown_route()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", "/v3/marketing/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NOT_FOUND", response.Json["code"]!.GetValue<string>());
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Answers_405_for_a_method_the_route_does_not_allow()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "DELETE", "/v3/marketing/busifavor/stocks");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", response.Json["code"]!.GetValue<string>());
        Assert.Contains("POST", response.Json["message"]!.GetValue<string>());
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task An_escaped_slash_stays_inside_its_path_segment()
    {
        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            fixture.RsaClient.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = "1/couponcodes" } }));

        Assert.Equal("RESOURCE_NOT_EXISTS", error.Code);
        Assert.Contains("1/couponcodes", error.ErrorMessage);
    }

    [Fact]
    public async Task Checks_the_signature_before_routing()
    {
        var response = await fixture.SendRawAsync("GET", "/v3/marketing/nothing-here", null, []);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }
}
