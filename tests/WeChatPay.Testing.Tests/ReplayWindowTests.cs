namespace WeChatPay.Testing.Tests;

/// <summary>Defect 6: a nonce is remembered for as long as its timestamp is acceptable, so a future-dated request cannot be replayed.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ReplayWindowTests(SandboxFixture fixture)
{
    private const string Target = "/v3/certificates";

    [Theory]
    [InlineData(299)]
    [InlineData(150)]
    [InlineData(-299)]
    public void A_request_stamped_ahead_or_behind_cannot_be_replayed_while_its_timestamp_is_acceptable(int skewSeconds)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var sandbox = new WeChatPaySandbox(fixture.Sandbox.Platform, new SandboxOptions { TimeProvider = clock });
        var merchant = sandbox.RegisterMerchant(fixture.Rsa.MerchantId, fixture.Rsa.MerchantSerialNumber, fixture.Rsa.PublicKeyPem, fixture.Rsa.ApiV3Key);
        using var key = MerchantPrivateKey.FromPem(fixture.Rsa.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, clock);
        var authorization = signer.CreateAuthorization("GET", Target, [], clock.Now.AddSeconds(skewSeconds).ToUnixTimeSeconds(), SandboxFixture.NewNonce());
        SandboxResponse Send() => sandbox.Handle(new SandboxRequest("GET", Target, [new("Authorization", authorization)], default));

        var first = Send();
        Assert.Equal(200, first.StatusCode);

        // Step through the whole time the timestamp stays acceptable: every replay is refused.
        for (var elapsed = 1; elapsed <= 600; elapsed += 1)
        {
            clock.Now = clock.Now.AddSeconds(1);
            var replay = Send();
            Assert.True(replay.StatusCode == 401, $"replay accepted {elapsed} s later");
        }
    }
}
