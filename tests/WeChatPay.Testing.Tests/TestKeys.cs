using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing.Tests;

/// <summary>
/// Keys made once per test run: key generation (RSA-2048 above all) is the slowest thing these tests do, and no
/// test needs a key of its own. Each sandbox still gets its own merchants and state.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<SandboxPlatform> s_platform = new(() => SandboxPlatform.Generate());
    private static readonly Lazy<string> s_rsa = new(() => SandboxKey.Generate(SignatureScheme.Rsa).ExportPrivateKeyPem());
    private static readonly Lazy<string> s_otherRsa = new(() => SandboxKey.Generate(SignatureScheme.Rsa).ExportPrivateKeyPem());
    private static readonly Lazy<string> s_sm2 = new(() => SandboxKey.Generate(SignatureScheme.ShangMi).ExportPrivateKeyPem());

    public static SandboxPlatform Platform => s_platform.Value;

    public static string MerchantPem(SignatureScheme scheme) => scheme == SignatureScheme.Rsa ? s_rsa.Value : s_sm2.Value;

    /// <summary>A second RSA merchant key, for "signed with another key" cases.</summary>
    public static string OtherRsaPem => s_otherRsa.Value;

    public static WeChatPaySandbox NewSandbox(SandboxOptions? options = null) => new(Platform, options);

    public static SandboxMerchant Merchant(this WeChatPaySandbox sandbox, SignatureScheme scheme = SignatureScheme.Rsa) =>
        sandbox.ImportMerchant(MerchantPem(scheme));
}
