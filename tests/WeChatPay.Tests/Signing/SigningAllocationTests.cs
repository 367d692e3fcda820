using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Signing;

/// <summary>
/// Allocation budgets of the hot paths (bytes are deterministic; no time is measured here). Timing lives in the
/// BenchmarkDotNet project.
/// </summary>
public sealed class SigningAllocationTests
{
    private const string Path = "/v3/marketing/busifavor/stocks/1212/couponcodes?limit=10&offset=0";

    [Fact]
    public void Signing_allocates_only_the_header_string_apart_from_the_private_key_operation()
    {
        var signer = new RequestSigner(TestIdentities.MerchantId, TestIdentities.MerchantSerialNumber, MerchantPrivateKey.FromRsa(new ConstantRsa()), TimeProvider.System);
        var body = new byte[600];
        var header = signer.CreateAuthorization("POST", Path, body);
        var headerBytes = 22 + 2 * header.Length; // a string's object header, length and UTF-16 characters

        for (var i = 0; i < 10; i++)
            signer.CreateAuthorization("POST", Path, body);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
            signer.CreateAuthorization("POST", Path, body);
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        Assert.InRange(perCall, 0, headerBytes + 16);
        Assert.True(perCall <= 2048, $"{perCall} B per request");
    }

    [Fact]
    public void Signing_a_large_body_rents_its_buffer_instead_of_allocating_it()
    {
        var signer = new RequestSigner(TestIdentities.MerchantId, TestIdentities.MerchantSerialNumber, MerchantPrivateKey.FromRsa(new ConstantRsa()), TimeProvider.System);
        var body = new byte[64 * 1024];
        for (var i = 0; i < 10; i++)
            signer.CreateAuthorization("POST", Path, body);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
            signer.CreateAuthorization("POST", Path, body);
        Assert.True((GC.GetAllocatedBytesForCurrentThread() - before) / 20 <= 2048);
    }
}
