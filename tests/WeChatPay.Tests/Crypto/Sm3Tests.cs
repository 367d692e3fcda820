using System.Security.Cryptography;

namespace WeChatPay.Tests.Crypto;

public sealed class Sm3Tests
{
    [Fact]
    public void Hashes_abc_to_the_GB_T_32905_known_answer()
        => Assert.Equal("66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0", Convert.ToHexString(Sm3.Hash("abc"u8)));

    [Fact]
    public void Hashes_the_64_byte_GB_T_32905_example_to_its_known_answer()
        => Assert.Equal("DEBE9FF92275B8A138604889C18E5A4D6FDB70E5387E5765293DCBA39C0C5732",
            Convert.ToHexString(Sm3.Hash(System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcd", 16))))));

    [Fact]
    public void Agrees_with_openssl_on_random_data()
    {
        var data = RandomNumberGenerator.GetBytes(1000);
        using var directory = new TestSupport.TempDirectory();
        var expected = TestSupport.OpenSsl.RunChecked("dgst", "-sm3", "-binary", directory.Write("data", data));
        Assert.Equal(expected, Sm3.Hash(data));
    }
}
