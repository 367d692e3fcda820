using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Verification;

public sealed class PlatformKeyStoreTests
{
    [Fact]
    public void Prefers_a_configured_public_key_over_certificates()
    {
        var identity = TestIdentities.Rsa;
        var store = new PlatformKeyStore([identity.CreatePlatformCertificate(), identity.CreatePublicKey()]);
        Assert.Equal(TestIdentities.PublicKeyId, store.Preferred!.Id);
    }

    [Fact]
    public void Prefers_the_valid_certificate_that_expires_last()
    {
        var clock = new ManualTimeProvider();
        var now = clock.GetUtcNow();
        var old = Certificate("01AA", now.AddYears(-1), now.AddDays(30));
        var newest = Certificate("02BB", now.AddDays(-1), now.AddYears(5));
        var notYetValid = Certificate("03CC", now.AddDays(1), now.AddYears(6));
        var expired = Certificate("04DD", now.AddYears(-6), now.AddDays(-1));
        var store = new PlatformKeyStore([old], clock);
        Assert.Equal("01AA", store.Preferred!.Id);

        store.ReplaceDownloaded([expired, newest, notYetValid]);
        Assert.Equal("02BB", store.Preferred!.Id);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("03CC", store.Preferred!.Id);
    }

    [Fact]
    public void Has_no_preferred_key_when_every_certificate_expired()
    {
        var clock = new ManualTimeProvider();
        var store = new PlatformKeyStore([Certificate("04DD", clock.GetUtcNow().AddYears(-2), clock.GetUtcNow().AddDays(-1))], clock);
        Assert.Null(store.Preferred);
    }

    [Fact]
    public void Replacing_downloads_keeps_the_configured_keys_and_drops_the_old_downloads()
    {
        var identity = TestIdentities.Rsa;
        var store = new PlatformKeyStore([identity.CreatePublicKey()]);
        var first = Certificate("0A01", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var second = Certificate("0A02", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        store.ReplaceDownloaded([first]);
        Assert.True(store.TryGet("0A01", out _));
        store.ReplaceDownloaded([second]);
        Assert.False(store.TryGet("0A01", out _));
        Assert.True(store.TryGet("0A02", out _));
        Assert.True(store.TryGet(TestIdentities.PublicKeyId, out _));
        Assert.Equal(2, store.All.Count);
    }

    [Fact]
    public void A_configured_certificate_wins_over_a_downloaded_one_with_the_same_serial()
    {
        var configured = TestIdentities.Rsa.CreatePlatformCertificate();
        var store = new PlatformKeyStore([configured]);
        store.ReplaceDownloaded([PlatformKey.FromCertificatePem(TestIdentities.Rsa.PlatformCertificatePem)]);
        Assert.True(store.TryGet(configured.Id, out var found));
        Assert.Same(configured, found);
        Assert.Single(store.All);
    }

    [Fact]
    public void Finds_certificates_ignoring_case_and_leading_zeros_but_public_keys_exactly()
    {
        var identity = TestIdentities.Rsa;
        var store = new PlatformKeyStore([identity.CreatePublicKey(), Certificate("0A1B2C", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1))]);
        Assert.True(store.TryGet("0A1B2C", out _));
        Assert.True(store.TryGet("a1b2c", out _));
        Assert.True(store.TryGet("000a1b2C", out _));
        Assert.True(store.TryGet(TestIdentities.PublicKeyId, out _));
        Assert.False(store.TryGet(TestIdentities.PublicKeyId.ToLowerInvariant(), out _));
        Assert.False(store.TryGet("", out _));
        Assert.False(store.TryGet("0A1B2D", out _));
    }

    [Fact]
    public void Rejects_two_configured_keys_with_one_id()
    {
        var identity = TestIdentities.Rsa;
        Assert.Throws<WeChatPayConfigurationException>(() => new PlatformKeyStore([identity.CreatePublicKey(), identity.CreatePublicKey()]));
    }

    [Fact]
    public void Readers_always_see_a_whole_snapshot_while_downloads_are_replaced()
    {
        var now = DateTimeOffset.UtcNow;
        var a = new[] { Certificate("0B01", now.AddDays(-1), now.AddDays(10)), Certificate("0B02", now.AddDays(-1), now.AddDays(10)) };
        var b = new[] { Certificate("0C01", now.AddDays(-1), now.AddDays(10)), Certificate("0C02", now.AddDays(-1), now.AddDays(10)) };
        var store = new PlatformKeyStore([]);
        store.ReplaceDownloaded(a);
        var torn = 0;
        Parallel.For(0, 20_000, i =>
        {
            if (i % 100 == 0)
            {
                store.ReplaceDownloaded(i % 200 == 0 ? a : b);
                return;
            }

            var ids = store.All.Select(k => k.Id[..2]).Distinct().Count();
            if (ids != 1)
                Interlocked.Increment(ref torn);
        });
        Assert.Equal(0, torn);
    }

    // One key for every certificate here: generating RSA keys is the slow part, and the store only looks at ids and dates.
    private static readonly RSA SharedKey = RSA.Create(2048);

    private static PlatformKey Certificate(string serialHex, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var rsa = SharedKey;
        var request = new CertificateRequest("CN=Platform " + serialHex, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1), notBefore, notAfter, Convert.FromHexString(serialHex));
        return PlatformKey.FromCertificatePem(certificate.ExportCertificatePem());
    }
}
