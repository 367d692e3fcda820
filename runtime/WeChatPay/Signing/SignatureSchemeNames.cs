namespace WeChatPay;

/// <summary>The wire names of the two WeChat Pay signature schemes (the <c>Authorization</c> scheme and <c>Wechatpay-Signature-Type</c>).</summary>
public static class SignatureSchemeNames
{
    /// <summary><c>WECHATPAY2-SHA256-RSA2048</c>.</summary>
    public const string Rsa = "WECHATPAY2-SHA256-RSA2048";

    /// <summary><c>WECHATPAY2-SM2-WITH-SM3</c>.</summary>
    public const string ShangMi = "WECHATPAY2-SM2-WITH-SM3";

    /// <summary>The wire name of <paramref name="scheme"/>.</summary>
    public static string ToName(this SignatureScheme scheme) => scheme == SignatureScheme.ShangMi ? ShangMi : Rsa;

    /// <summary>Maps a wire name to its scheme; false for any other text.</summary>
    public static bool TryParse(string? name, out SignatureScheme scheme)
    {
        switch (name)
        {
            case Rsa:
                scheme = SignatureScheme.Rsa;
                return true;
            case ShangMi:
                scheme = SignatureScheme.ShangMi;
                return true;
            default:
                scheme = default;
                return false;
        }
    }
}
