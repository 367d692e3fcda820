using System.Security.Cryptography;

namespace WeChatPay;

/// <summary>
/// Random nonces (<c>nonce_str</c>) for request signatures: 32 characters from <c>[0-9A-Za-z]</c>, drawn from a
/// CSPRNG without modulo bias.
/// </summary>
public static class Nonce
{
    /// <summary>The number of characters in a nonce.</summary>
    public const int Length = 32;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // 248 = 4 × 62: a random byte below it maps onto the alphabet uniformly; bytes 248..255 are drawn again.
    private const int RejectionLimit = 248;

    /// <summary>Creates a fresh 32-character base62 nonce.</summary>
    public static string Create()
    {
        Span<char> chars = stackalloc char[Length];
        Fill(chars);
        return new string(chars);
    }

    /// <summary>Writes a fresh base62 nonce of <paramref name="destination"/>'s length into it, without allocating.</summary>
    public static void Fill(Span<char> destination)
    {
        Span<byte> random = stackalloc byte[64];
        var used = random.Length;
        for (var i = 0; i < destination.Length;)
        {
            if (used == random.Length)
            {
                RandomNumberGenerator.Fill(random);
                used = 0;
            }

            var b = random[used++];
            if (b < RejectionLimit)
                destination[i++] = Alphabet[b % Alphabet.Length];
        }
    }

    /// <summary>Writes a fresh base62 nonce of <paramref name="asciiDestination"/>'s length into it as ASCII bytes, without allocating.</summary>
    public static void Fill(Span<byte> asciiDestination)
    {
        Span<byte> random = stackalloc byte[64];
        var used = random.Length;
        for (var i = 0; i < asciiDestination.Length;)
        {
            if (used == random.Length)
            {
                RandomNumberGenerator.Fill(random);
                used = 0;
            }

            var b = random[used++];
            if (b < RejectionLimit)
                asciiDestination[i++] = (byte)Alphabet[b % Alphabet.Length];
        }
    }
}
