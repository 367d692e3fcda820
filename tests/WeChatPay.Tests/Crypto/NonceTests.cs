namespace WeChatPay.Tests.Crypto;

public sealed class NonceTests
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [Fact]
    public void Creates_32_base62_characters()
    {
        var nonce = Nonce.Create();
        Assert.Equal(32, nonce.Length);
        Assert.All(nonce, c => Assert.Contains(c, Base62));
    }

    [Fact]
    public void Never_repeats_in_ten_thousand_nonces()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
            Assert.True(seen.Add(Nonce.Create()));
    }

    [Fact]
    public void Fills_a_span_of_any_length_with_base62()
    {
        Span<char> chars = stackalloc char[100];
        Nonce.Fill(chars);
        foreach (var c in chars)
            Assert.Contains(c, Base62);
        Span<byte> ascii = stackalloc byte[7];
        Nonce.Fill(ascii);
        foreach (var b in ascii)
            Assert.Contains((char)b, Base62);
    }

    [Fact]
    public void Draws_every_character_uniformly_without_modulo_bias()
    {
        // 62 × 4000 draws: each character's count is 4000 ± 63 (1σ). A plain `byte % 62` would give the first eight
        // characters 5/256 instead of 4/256, i.e. about 5000; the bounds below are ±8σ and catch that.
        var counts = new int[128];
        var chars = new char[62 * 4000];
        Nonce.Fill(chars);
        foreach (var c in chars)
            counts[c]++;
        foreach (var c in Base62)
            Assert.InRange(counts[c], 3500, 4500);
    }
}
