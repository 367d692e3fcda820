using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace WeChatPay.Tests.Crypto;

public sealed class AeadSm4GcmTests
{
    private const string Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    private const string NonceText = "uluk4a9R25RW";
    private const string Aad = "associatedData";
    private const string KnownCiphertext = "+lcLNfkZQQx+iQm20Apa3x9Mb/5L7PgZ7w==";

    [Fact]
    public void Encrypts_the_known_answer_from_the_WeChat_Pay_rules()
        => Assert.Equal(KnownCiphertext, AeadSm4Gcm.Encrypt(Key, NonceText, Aad, "plaintext"));

    [Fact]
    public void Decrypts_the_known_answer_from_the_WeChat_Pay_rules()
        => Assert.Equal("plaintext", AeadSm4Gcm.Decrypt(Key, NonceText, Aad, KnownCiphertext));

    [Fact]
    public void Derives_the_key_as_the_first_16_bytes_of_SM3_of_the_api_v3_key()
    {
        // Independent: openssl's SM3, and BouncyCastle's GCM/SM4 driven directly with that key.
        using var directory = new TestSupport.TempDirectory();
        var digest = TestSupport.OpenSsl.RunChecked("dgst", "-sm3", "-binary", directory.Write("key", Key));
        var key = digest.AsSpan(0, 16).ToArray();
        Assert.Equal(key, AeadSm4Gcm.DeriveKey(Key));

        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(true, new AeadParameters(new KeyParameter(key), 128, "uluk4a9R25RW"u8.ToArray(), "associatedData"u8.ToArray()));
        var input = "plaintext"u8.ToArray();
        var output = new byte[cipher.GetOutputSize(input.Length)];
        var n = cipher.ProcessBytes(input, 0, input.Length, output, 0);
        cipher.DoFinal(output, n);
        Assert.Equal(KnownCiphertext, Convert.ToBase64String(output));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(24)]
    public void Rejects_a_ciphertext_with_any_byte_changed(int index)
    {
        var bytes = Convert.FromBase64String(KnownCiphertext);
        bytes[index] ^= 0x80;
        Assert.Throws<WeChatPayVerificationException>(() => AeadSm4Gcm.Decrypt(Key, NonceText, Aad, Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Rejects_changed_associated_data()
        => Assert.Throws<WeChatPayVerificationException>(() => AeadSm4Gcm.Decrypt(Key, NonceText, "associateddata", KnownCiphertext));

    [Fact]
    public void Rejects_the_wrong_key()
        => Assert.Throws<WeChatPayVerificationException>(() => AeadSm4Gcm.Decrypt("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc", NonceText, Aad, KnownCiphertext));

    [Fact]
    public void Rejects_a_changed_nonce()
        => Assert.Throws<WeChatPayVerificationException>(() => AeadSm4Gcm.Decrypt(Key, "uluk4a9R25RV", Aad, KnownCiphertext));

    [Fact]
    public void Rejects_malformed_base64()
        => Assert.Throws<WeChatPayVerificationException>(() => AeadSm4Gcm.Decrypt(Key, NonceText, Aad, "%%%"));

    [Fact]
    public void Round_trips_a_certificate_sized_plaintext()
    {
        var plaintext = new string('x', 3000);
        Assert.Equal(plaintext, AeadSm4Gcm.Decrypt(Key, NonceText, "certificate", AeadSm4Gcm.Encrypt(Key, NonceText, "certificate", plaintext)));
    }
}
