using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Verification;

/// <summary>Allocation budget of response verification (bytes are deterministic; no time is measured here).</summary>
public sealed class VerificationAllocationTests
{
    [Fact]
    public void Verifying_an_rsa_response_allocates_almost_nothing()
    {
        var identity = TestIdentities.Rsa;
        var clock = new ManualTimeProvider();
        var verifier = new SignatureVerifier(new PlatformKeyStore([identity.CreatePublicKey()], clock), clock);
        var body = new byte[600];
        var headers = identity.SignResponse(body, clock.UnixSeconds, "593BEC0C930BF1AFEB40B4A08C8FB242");
        for (var i = 0; i < 10; i++)
            verifier.Verify(headers, body);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var verified = 0;
        for (var i = 0; i < 50; i++)
            verified += verifier.Verify(headers, body) == VerificationResult.Verified ? 1 : 0;
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 50;
        Assert.Equal(50, verified);
        Assert.InRange(perCall, 0, 256);
    }
}
