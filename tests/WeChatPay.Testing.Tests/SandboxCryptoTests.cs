using System.Text;
using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing.Tests;

/// <summary>The sandbox's own AEAD against the known answers of issue 2 (independent of the runtime's code).</summary>
public sealed class SandboxCryptoTests
{
    private const string Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

    [Fact]
    public void AES_256_GCM_matches_the_known_answer()
    {
        var ciphertext = SandboxAead.EncryptAesGcm(Key, "uluk4a9R25RW", "associatedData", "message"u8);

        Assert.Equal("ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=", ciphertext);
        Assert.Equal("message", Encoding.UTF8.GetString(SandboxAead.DecryptAesGcm(Key, "uluk4a9R25RW", "associatedData", ciphertext)));
    }

    [Fact]
    public void SM4_GCM_matches_the_known_answer()
    {
        var ciphertext = SandboxAead.EncryptSm4Gcm(Key, "uluk4a9R25RW", "associatedData", "plaintext"u8);

        Assert.Equal("+lcLNfkZQQx+iQm20Apa3x9Mb/5L7PgZ7w==", ciphertext);
        Assert.Equal("plaintext", Encoding.UTF8.GetString(SandboxAead.DecryptSm4Gcm(Key, "uluk4a9R25RW", "associatedData", ciphertext)));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Platform_keys_sign_what_the_runtime_verifies(SignatureScheme scheme)
    {
        var platform = SandboxPlatform.Generate();
        var (id, key) = platform.GetSigningKey(scheme, SandboxSigningMode.PublicKey);
        var message = "1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{}\n"u8;

        var verifier = PlatformKey.FromPublicKeyPem(id, platform.GetPublicKeyPem(scheme));

        Assert.True(verifier.Verify(message, key.Sign(message)));
        Assert.Equal(scheme, verifier.Scheme);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Platform_certificates_load_in_the_runtime_with_their_serial(SignatureScheme scheme)
    {
        var platform = SandboxPlatform.Generate();

        var key = PlatformKey.FromCertificatePem(platform.GetCertificatePem(scheme));

        Assert.Equal(platform.GetCertificateSerialNumber(scheme), key.Id);
        Assert.Equal(40, key.Id.Length);
    }
}
