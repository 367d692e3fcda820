namespace WeChatPay.Tests.Crypto;

public sealed class AeadAesGcmTests
{
    private const string Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    private const string NonceText = "uluk4a9R25RW";
    private const string Aad = "associatedData";
    private const string KnownCiphertext = "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=";

    [Fact]
    public void Encrypts_the_known_answer_from_the_WeChat_Pay_rules()
        => Assert.Equal(KnownCiphertext, AeadAesGcm.Encrypt(Key, NonceText, Aad, "message"));

    [Fact]
    public void Decrypts_the_known_answer_from_the_WeChat_Pay_rules()
        => Assert.Equal("message", AeadAesGcm.Decrypt(Key, NonceText, Aad, KnownCiphertext));

    [Fact]
    public void Round_trips_utf8_text_and_an_empty_associated_data()
    {
        var ciphertext = AeadAesGcm.Encrypt(Key, NonceText, "", "{\"名称\":\"测试\"}");
        Assert.Equal("{\"名称\":\"测试\"}", AeadAesGcm.Decrypt(Key, NonceText, "", ciphertext));
        Assert.Equal("{\"名称\":\"测试\"}"u8.ToArray(), AeadAesGcm.DecryptToBytes(Key, NonceText, "", ciphertext));
    }

    [Theory]
    [InlineData(0)] // first ciphertext byte
    [InlineData(6)] // last ciphertext byte
    [InlineData(7)] // first tag byte
    [InlineData(22)] // last tag byte
    public void Rejects_a_ciphertext_with_any_byte_changed(int index)
    {
        var bytes = Convert.FromBase64String(KnownCiphertext);
        bytes[index] ^= 0x01;
        Assert.Throws<WeChatPayVerificationException>(() => AeadAesGcm.Decrypt(Key, NonceText, Aad, Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Rejects_changed_associated_data()
        => Assert.Throws<WeChatPayVerificationException>(() => AeadAesGcm.Decrypt(Key, NonceText, "associatedDatA", KnownCiphertext));

    [Fact]
    public void Rejects_a_changed_nonce()
        => Assert.Throws<WeChatPayVerificationException>(() => AeadAesGcm.Decrypt(Key, "uluk4a9R25RX", Aad, KnownCiphertext));

    [Fact]
    public void Rejects_the_wrong_key_without_echoing_it()
    {
        const string wrongKey = "b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
        var error = Assert.Throws<WeChatPayVerificationException>(() => AeadAesGcm.Decrypt(wrongKey, NonceText, Aad, KnownCiphertext));
        Assert.DoesNotContain(wrongKey, error.Message);
        Assert.DoesNotContain(KnownCiphertext, error.Message);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")] // shorter than the tag
    public void Rejects_malformed_ciphertext(string ciphertext)
        => Assert.Throws<WeChatPayVerificationException>(() => AeadAesGcm.Decrypt(Key, NonceText, Aad, ciphertext));

    [Fact]
    public void Rejects_a_nonce_that_is_not_12_bytes()
        => Assert.Throws<WeChatPayVerificationException>(() => AeadAesGcm.Decrypt(Key, "short", Aad, KnownCiphertext));

    [Fact]
    public void Rejects_an_api_v3_key_that_is_not_32_bytes_without_echoing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => AeadAesGcm.Decrypt("tooShortSecret", NonceText, Aad, KnownCiphertext));
        Assert.DoesNotContain("tooShortSecret", error.Message);
    }
}
