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
        var platform = TestKeys.Platform;
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
        var platform = TestKeys.Platform;

        var key = PlatformKey.FromCertificatePem(platform.GetCertificatePem(scheme));

        Assert.Equal(platform.GetCertificateSerialNumber(scheme), key.Id);
        Assert.Equal(40, key.Id.Length);
    }
}

public sealed class MerchantIdentityTests
{
    [Fact]
    public void Created_merchants_get_a_10_digit_mchid_a_40_digit_serial_and_a_32_character_APIv3_key()
    {
        var sandbox = TestKeys.NewSandbox();

        var merchant = sandbox.CreateMerchant(SignatureScheme.ShangMi);

        Assert.Matches("^[0-9]{10}$", merchant.MerchantId);
        Assert.Matches("^[0-9A-F]{40}$", merchant.MerchantSerialNumber);
        Assert.Equal(32, merchant.ApiV3Key.Length);
        Assert.Equal(SignatureScheme.ShangMi, MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!).Scheme);
        Assert.DoesNotContain(merchant.ApiV3Key, merchant.ToString());
        Assert.Same(merchant, Assert.Single(sandbox.Merchants));
    }

    [Fact]
    public void Imported_merchants_keep_their_key_for_client_options()
    {
        var sandbox = TestKeys.NewSandbox();

        var merchant = sandbox.ImportMerchant(TestKeys.MerchantPem(SignatureScheme.Rsa), "1900000109", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
        var options = sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/"));

        Assert.Equal("1900000109", options.MerchantId);
        Assert.Equal(sandbox.Platform.PublicKeyId, options.PublicKeyId);
        Assert.Equal(TestKeys.MerchantPem(SignatureScheme.Rsa), options.MerchantPrivateKey);
    }
}
